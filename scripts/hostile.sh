#!/usr/bin/env bash
# Every hostile fixture (fixtures/hostile/, see scripts/make-hostile-fixtures.py) through the
# release binary: `check` with the fixture's flags, then `parse` and `render` with none. Each run
# must exit 0, 1 or 2 (never on a signal) within 1 s and 200 MB of peak memory. (The Swift tests
# pin what `check` prints for each.)
set -euo pipefail
launchc=${1:?usage: hostile.sh path/to/launchc}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -x /usr/bin/time ] || scripts/install-deps.sh time
max_seconds=1.0
max_kb=$((200 * 1024))
timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
count=0 runs=0 failed=0 slowest=0 slowest_name="" biggest=0 biggest_name=""

measure() {  # NAME COMMAND...
    local name=$1
    shift
    local status=0
    /usr/bin/time -o "$timing" -f '%e %M' "$@" >/dev/null 2>&1 || status=$?
    local line seconds kb
    line=$(grep -E '^[0-9.]+ [0-9]+$' "$timing" | tail -1)
    seconds=${line% *} kb=${line#* }
    runs=$((runs + 1))
    if [ -z "$line" ] || [ "$status" -gt 2 ]; then
        echo "hostile: '$name' ended with status $status ($(head -1 "$timing"))" >&2
        failed=$((failed + 1))
        return
    fi
    if awk -v s="$seconds" -v m="$max_seconds" 'BEGIN { exit !(s > m) }' || [ "$kb" -gt "$max_kb" ]; then
        echo "hostile: '$name' took ${seconds} s and $((kb / 1024)) MB (limits: ${max_seconds} s, 200 MB)" >&2
        failed=$((failed + 1))
    fi
    if awk -v s="$seconds" -v m="$slowest" 'BEGIN { exit !(s > m) }'; then slowest=$seconds slowest_name=$name; fi
    if [ "$kb" -gt "$biggest" ]; then biggest=$kb biggest_name=$name; fi
}

for input in fixtures/hostile/*; do
    case "$input" in *.args|*.expected.txt|*.schema.json) continue ;; esac
    args=()
    if [ -f "$input.args" ]; then mapfile -t args < "$input.args"; fi
    count=$((count + 1))
    measure "check $(basename "$input")" "$launchc" check --color never --no-config "${args[@]}" "$input"
    measure "parse $(basename "$input")" "$launchc" parse --all-documents "$input"
    measure "render $(basename "$input")" "$launchc" render --color never "$input"
done
[ "$count" -ge 40 ] || { echo "hostile: only $count inputs in fixtures/hostile (at least 40 expected)" >&2; exit 1; }
echo "hostile: $count inputs, $runs runs (check, parse, render), each within ${max_seconds} s and 200 MB, none on a signal: slowest ${slowest} s ($slowest_name), largest $((biggest / 1024)) MB ($biggest_name)"
[ "$failed" -eq 0 ]
