#!/usr/bin/env bash
# Runs one libFuzzer target of launchc-fuzz for a while: fuzz.sh FUZZER TARGET SECONDS.
# The corpus starts from the fixtures (and, for render, every queue paired with every launch
# spec of the render cases; for policy, every agent config with every queue) and grows in .fuzz/TARGET/ (kept between local runs, not in git).
# A crash, a sanitizer report, a hang (over 10 s) or an input using over 1 GB fails the run and
# leaves the input in .fuzz/findings/: replay it with `.build/debug/launchc-fuzz TARGET FILE`,
# fix it, and add it to fixtures/fuzz/TARGET/ so that `make test` replays it from then on.
set -euo pipefail
fuzzer=${1:?usage: fuzz.sh FUZZER TARGET SECONDS}
target=${2:?usage: fuzz.sh FUZZER TARGET SECONDS}
seconds=${3:?usage: fuzz.sh FUZZER TARGET SECONDS}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/.fuzz/$target"
findings="$root/.fuzz/findings"
mkdir -p "$corpus" "$findings"

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
case "$target" in
    yaml) find "$root/fixtures" -type f \( -name '*.yaml' -o -name '*.yml' \) -exec cp {} "$seeds/" \; ;;
    json) find "$root/fixtures" -type f -name '*.json' ! -name '*.expected.json' -exec cp {} "$seeds/" \; ;;
    check)
        find "$root/fixtures" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) ! -name '*.expected.json' | while read -r f; do
            # The first byte picks the kind; 0 leaves it to the content.
            { printf '\0'; cat "$f"; } > "$seeds/$(echo "$f" | md5sum | cut -c1-16)"
        done ;;
    render)
        # Every queue and queue config of the fixtures, alone and with each launch spec.
        find "$root/fixtures/queue" "$root/fixtures/render/cases" "$root/fixtures/sagemaker" "$root/fixtures/gcp-vertex" \
            "$root/fixtures/kubernetes" "$root/fixtures/local-container" "$root/fixtures/local-process" \
            -type f \( -name '*.yaml' -o -name '*.json' \) ! -name '*.expected.json' ! -name 'spec.*' | while read -r queue; do
            cp "$queue" "$seeds/$(echo "$queue" | md5sum | cut -c1-16)"
            find "$root/fixtures/launch-spec" "$root/fixtures/render/cases" -type f \( -name 'spec.*' -o -path '*launch-spec/*.yaml' \) | while read -r spec; do
                { cat "$queue"; printf '\n---spec\n'; cat "$spec"; } > "$seeds/$(echo "$queue$spec" | md5sum | cut -c1-16)"
            done
        done ;;
    policy)
        # Every agent config of the fixtures with every queue policy's cases use.
        find "$root/fixtures/agent" "$root/fixtures/policy" -maxdepth 1 -type f -name '*agent*.yaml' -o -path '*fixtures/agent/*.yaml' | sort -u | while read -r agent; do
            cp "$agent" "$seeds/$(echo "$agent" | md5sum | cut -c1-16)"
            find "$root/fixtures/policy" "$root/fixtures/queue" "$root/fixtures/sagemaker" "$root/fixtures/gcp-vertex" -maxdepth 1 -type f -name '*.yaml' ! -name '*agent*' | while read -r queue; do
                { cat "$agent"; printf '\n---spec\n'; cat "$queue"; } > "$seeds/$(echo "$agent$queue" | md5sum | cut -c1-16)"
            done
        done ;;
    user-schema)
        # Generator seeds (the first byte's high bit clear), and every schema of the fixtures as
        # text (high bit set) with each document beside it.
        python3 -c 'import random, sys
for i in range(64):
    r = random.Random(i)
    open(f"{sys.argv[1]}/generated-{i}", "wb").write(bytes(r.randrange(128) for _ in range(16 + 7 * i)))' "$seeds"
        find "$root/fixtures" -type f -name '*schema*.json' -o -type f -path '*user-schema*' -name '*.yaml' | while read -r schema; do
            for doc in "$root/fixtures/hostile/schema-cycle-self.json" "$root/fixtures/valid/sagemaker-queue.json"; do
                { printf '\200'; cat "$schema"; printf '\n---document\n'; cat "$doc"; } > "$seeds/$(echo "$schema$doc" | md5sum | cut -c1-16)"
            done
        done ;;
    *) echo "fuzz.sh: unknown target '$target' (yaml, json, check, render, policy, user-schema)" >&2; exit 2 ;;
esac
[ -d "$root/fixtures/fuzz/$target" ] && cp "$root/fixtures/fuzz/$target"/* "$seeds/" 2>/dev/null || true

log=$(mktemp)
status=0
LAUNCHC_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$fuzzer" "$corpus" "$seeds" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -print_final_stats=1 \
    -artifact_prefix="$findings/$target-" >"$log" 2>&1 || status=$?
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
cov=$(echo "$last" | grep -o 'cov: [0-9]*' | grep -o '[0-9]*' || echo "?")
features=$(echo "$last" | grep -o 'ft: [0-9]*' | grep -o '[0-9]*' || echo "?")
size=$(ls "$corpus" | wc -l)
if [ "$status" -ne 0 ]; then
    grep -E 'ERROR|SUMMARY|Test unit written|==[0-9]+==' "$log" | head -30 >&2
    echo "fuzz $target: FAILED after $runs runs (exit $status); the input is in $findings/" >&2
    rm -f "$log"
    exit 1
fi
rm -f "$log"
echo "fuzz $target: ${seconds} s, $runs runs, coverage $cov edges, $features features, corpus $size inputs, no crash"
