#!/usr/bin/env bash
# Large and hostile inputs against the release binary: a 100 MB YAML stream and a 100 MB JSON
# array (they must parse, within a bounded multiple of their size in memory), and a 10 MB
# single scalar in each syntax. Peak memory comes from GNU time. Prints one line per case and
# a closing "N passed, N failed" line; exits 1 when a case fails.
set -uo pipefail
bin=${1:?usage: large-inputs.sh path/to/launchc path/to/launchc-bench}
bench=${2:?usage: large-inputs.sh path/to/launchc path/to/launchc-bench}
[ -x /usr/bin/time ] || scripts/install-deps.sh time
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

# 100 MiB of Kubernetes-style Job specs in each syntax, from the benchmark's generator.
"$bench" generate yaml 104857600 "$work/100mb.yaml" || exit 1
"$bench" generate json 104857600 "$work/100mb.json" || exit 1
{ printf 'key: "'; head -c 10485760 /dev/zero | tr '\0' x; printf '"\n'; } > "$work/10mb-scalar.yaml"
{ printf '{"key": "'; head -c 10485760 /dev/zero | tr '\0' x; printf '"}\n'; } > "$work/10mb-scalar.json"

# peak COMMAND...: runs it with its output discarded; sets $status, $seconds, $peak (bytes), $out.
peak() {
    out=$(/usr/bin/time -f "%e %M" -o "$work/time" "$@" 2>&1 >/dev/null)
    status=$?
    local kb
    # GNU time writes "Command exited with non-zero status N" first when the command fails.
    read -r seconds kb < <(tail -n 1 "$work/time")
    peak=$((kb * 1024))
}

# case LABEL FILE BOUND_BYTES COMMAND...: exit 0, nothing printed, peak memory within the bound.
check_case() {
    local label=$1 file=$2 bound=$3; shift 3
    local size verdict=passed
    size=$(stat -c %s "$file")
    peak "$@"
    if [ "$status" -ne 0 ] || [ -n "$out" ] || [ "$peak" -gt "$bound" ]; then verdict=failed; fi
    printf '%-6s %-40s %6.1f MB  %6.2f s  peak %5d MB = %4.1fx input (bound %d MB)  exit %d\n' "$verdict" "$label" \
        "$(awk -v s="$size" 'BEGIN { print s / 1048576 }')" "$seconds" $((peak >> 20)) \
        "$(awk -v p="$peak" -v s="$size" 'BEGIN { print p / s }')" $((bound >> 20)) "$status"
    if [ -n "$out" ]; then printf '       output: %s\n' "$(echo "$out" | head -c 300)"; fi
    if [ $verdict = passed ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

size_of() { stat -c %s "$1"; }

# YAML: libyaml streams, so the peak is launchc's tree: about 5x the text; bound 8x.
check_case "check 100 MB YAML" "$work/100mb.yaml" $(( $(size_of "$work/100mb.yaml") * 8 )) "$bin" check "$work/100mb.yaml"
# JSON: jansson builds its whole tree first, and that tree is the peak (10-15x the text,
# depending on the content). launchc converts and frees it node by node; bound: 25% over the
# peak of a bare json_loadb of the same file.
peak "$bench" bare-json "$work/100mb.json"
bare_json=$peak
echo "       (bare jansson on 100 MB JSON: peak $((bare_json >> 20)) MB)"
check_case "check 100 MB JSON" "$work/100mb.json" $(( bare_json * 5 / 4 )) "$bin" check "$work/100mb.json"
for f in 10mb-scalar.yaml 10mb-scalar.json; do
    check_case "check $f" "$work/$f" $(( $(size_of "$work/$f") * 8 )) "$bin" check "$work/$f"
done
check_case "parse 10mb-scalar.yaml" "$work/10mb-scalar.yaml" $(( $(size_of "$work/10mb-scalar.yaml") * 8 )) \
    "$bin" parse --compact "$work/10mb-scalar.yaml"

echo "large inputs: $passed passed, $failed failed"
[ $failed -eq 0 ]
