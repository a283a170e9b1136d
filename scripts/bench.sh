#!/usr/bin/env bash
# `make bench`: launchc against its peers in one run, and launchc's parse against the bare C
# parsers (launchc-bench's own table).
#
#   scripts/bench.sh [--full] RELEASE_BINARY BENCH_BINARY      the comparison (a)-(f)
#   scripts/bench.sh --scaling RELEASE_BINARY BENCH_BINARY     launchc's time and memory against
#                                                              file size, file count and findings
#   scripts/bench.sh --scaling --findings RELEASE BENCH        the findings axis alone
#
# The peers: check-jsonschema and sourcemeta's jsonschema, pinned below and installed from PyPI
# into .venv-bench/ (git-ignored), and hyperfine and GNU time from Debian when missing. The
# inputs are generated into a temporary folder outside the work tree (removed on exit), so that
# no .launchc.yaml or .gitignore of this repository applies to them. The tables are printed and
# written to bench-out/ (git-ignored) with hyperfine's JSON exports. scripts/bench.py does the
# generating, measuring and tabulating; --full also runs check-jsonschema on the 10 MB and
# 50 MB files instead of scaling smaller runs (adds 10 minutes or more).
set -euo pipefail

mode=compare
full=()
axes=()
while [ $# -gt 0 ]; do
    case $1 in
        --scaling) mode=scaling; shift ;;
        --full) full=(--full); shift ;;
        --findings) axes=(--axes findings); shift ;;
        *) break ;;
    esac
done
usage="usage: bench.sh [--full | --scaling] path/to/launchc path/to/launchc-bench"
bin=${1:?$usage}
bench=${2:?$usage}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
bench=$(cd "$(dirname "$bench")" && pwd)/$(basename "$bench")
cd "$root"

# hyperfine and GNU time come from Debian (install-deps.sh installs what is missing).
scripts/install-deps.sh hyperfine time

# The peers, in .venv-bench/, reinstalled only when the pins change.
packages="check-jsonschema==0.39.0 sourcemeta-jsonschema==17.3.0"
venv=.venv-bench
stamp=$venv/.launchc-pins
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" || { echo "bench: 'python3 -m venv' failed (on Debian: apt-get install python3-venv)" >&2; exit 1; }
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$packages" ]; then
    echo "bench: installing $packages into $venv" >&2
    # shellcheck disable=SC2086  # the pins are separate words
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check $packages
    printf '%s' "$packages" > "$stamp"
fi
# sourcemeta's wheel ships native binaries behind a Python wrapper named `jsonschema`, which
# python-jsonschema's own (deprecated) `jsonschema` script overwrites in the same venv; the
# benchmark runs the native binary itself, as npm and Homebrew users get it.
sourcemeta=$("$venv/bin/python" -c '
import os, platform, sourcemeta_jsonschema as s
arch = {"amd64": "x86_64", "aarch64": "arm64"}.get(platform.machine().lower(), platform.machine().lower())
print(os.path.join(os.path.dirname(s.__file__), f"jsonschema-{platform.system().lower()}-{arch}"))')
[ -x "$sourcemeta" ] || { echo "bench: no sourcemeta binary for this platform: $sourcemeta" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$root/bench-out
mkdir -p "$out"
rm -rf "$out/hyperfine"
# Reports as a CI runner would see them, without colour or GitHub annotations.
unset GITHUB_ACTIONS
export NO_COLOR=1

if [ "$mode" = scaling ]; then
    "$venv/bin/python" scripts/bench.py scaling --launchc "$bin" --bench "$bench" --work "$work" --out "$out" "${axes[@]}"
    exit 0
fi

# launchc's parse against bare libyaml and jansson, in process (launchc-bench's table).
echo "== launchc-bench: parse cost against the bare C parsers"
"$bench" | tee "$work/parse.txt"
echo
echo "== launchc against check-jsonschema and sourcemeta (hyperfine -N, GNU time)"
"$venv/bin/python" scripts/bench.py compare "${full[@]}" --launchc "$bin" --bench "$bench" \
    --sourcemeta "$sourcemeta" --check-jsonschema "$root/$venv/bin/check-jsonschema" --work "$work" --out "$out"
# bench.md: the comparison, then the parse table.
{
    echo
    echo "## Parse cost against the bare C parsers (launchc-bench)"
    echo
    echo '```'
    cat "$work/parse.txt"
    echo '```'
} >> "$out/bench.md"
