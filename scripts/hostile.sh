#!/usr/bin/env bash
# Every hostile fixture (fixtures/hostile/, see scripts/make-hostile-fixtures.py) through the
# release binary with its flags: each must finish within 1 s and 200 MB of peak memory. (The
# Swift tests pin what each one prints.)
set -euo pipefail
launchc=${1:?usage: hostile.sh path/to/launchc}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -x /usr/bin/time ] || scripts/install-deps.sh time
max_seconds=1.0
max_kb=$((200 * 1024))
timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
count=0 failed=0 slowest=0 slowest_name="" biggest=0 biggest_name=""
for input in fixtures/hostile/*; do
    case "$input" in *.args|*.expected.txt|*.schema.json) continue ;; esac
    args=()
    if [ -f "$input.args" ]; then mapfile -t args < "$input.args"; fi
    /usr/bin/time -o "$timing" -f '%e %M' "$launchc" check --color never --no-config "${args[@]}" "$input" >/dev/null 2>&1 || true
    measure=$(tail -1 "$timing")
    seconds=${measure% *} kb=${measure#* }
    count=$((count + 1))
    if awk -v s="$seconds" -v m="$max_seconds" 'BEGIN { exit !(s > m) }' || [ "$kb" -gt "$max_kb" ]; then
        echo "hostile: $input took ${seconds} s and $((kb / 1024)) MB (limits: ${max_seconds} s, 200 MB)" >&2
        failed=$((failed + 1))
    fi
    if awk -v s="$seconds" -v m="$slowest" 'BEGIN { exit !(s > m) }'; then slowest=$seconds slowest_name=$input; fi
    if [ "$kb" -gt "$biggest" ]; then biggest=$kb biggest_name=$input; fi
done
echo "hostile: $count inputs, each within ${max_seconds} s and 200 MB: slowest ${slowest} s ($(basename "$slowest_name")), largest $((biggest / 1024)) MB ($(basename "$biggest_name"))"
[ "$failed" -eq 0 ]
