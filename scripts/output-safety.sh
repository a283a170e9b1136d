#!/usr/bin/env bash
# `-o` / `--output` never leaves a partial or damaged file: launchc writes a temporary file beside
# the target and renames it over the target only once the text is whole and synced. Checked here
# against what really goes wrong: a folder launchc may not write in, a full filesystem (a tiny
# tmpfs in a private mount namespace), a device (/dev/full), a symbolic link and a FIFO.
set -euo pipefail
launchc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
queue=fixtures/queue/sagemaker-gpu.yaml
work=$(mktemp -d)
trap 'umount "$work/full" 2>/dev/null || true; chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"' EXIT
passed=0
fail() { echo "output-safety: $*" >&2; exit 1; }
ok() { passed=$((passed + 1)); }
expected=$("$launchc" render "$queue" --run-id abc123)

# 1. A folder launchc may not write in (as an unprivileged user: root writes anywhere).
mkdir "$work/locked"
echo "old" > "$work/locked/job.json"
chmod 555 "$work/locked"
chmod 644 "$work/locked/job.json"
as_user=()
user_launchc=$launchc user_queue=$root/$queue user_fixtures=$root/fixtures/valid
if [ "$(id -u)" -eq 0 ]; then
    # The unprivileged user gets its own copies: the checkout may sit in a folder only root can read.
    chmod 755 "$work"
    cp "$launchc" "$work/launchc" && cp "$queue" "$work/queue.yaml" && cp -r fixtures/valid "$work/valid"
    chmod -R a+rX "$work/launchc" "$work/queue.yaml" "$work/valid"
    user_launchc=$work/launchc user_queue=$work/queue.yaml user_fixtures=$work/valid
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
status=0
"${as_user[@]}" "$user_launchc" render "$user_queue" --run-id abc123 -o "$work/locked/job.json" 2>"$work/err" >/dev/null || status=$?
[ "$status" -eq 2 ] || fail "read-only folder: exit $status, expected 2"
grep -q "cannot write '$work/locked/job.json'" "$work/err" || fail "read-only folder: no error message ($(cat "$work/err"))"
[ "$(cat "$work/locked/job.json")" = "old" ] || fail "read-only folder: the old file changed"
[ "$(ls -A "$work/locked" | wc -l)" -eq 1 ] || fail "read-only folder: a stray file was left: $(ls -A "$work/locked")"
ok

# 2. A full filesystem: the old file stays whole and no temporary file is left behind.
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
    mkdir "$work/full"
    status=0
    unshare -m sh -c '
        mount -t tmpfs -o size=64k tmpfs "$1" || exit 99
        printf "old\n" > "$1/job.json"
        dd if=/dev/zero of="$1/filler" bs=1k count=1000 2>/dev/null || true
        "$2" render "$3" --run-id abc123 -o "$1/job.json" 2>"$1.err" >/dev/null; code=$?
        [ "$(cat "$1/job.json")" = "old" ] || exit 97
        [ "$(ls -A "$1" | sort | tr "\n" " ")" = "filler job.json " ] || exit 96
        exit $code
    ' sh "$work/full" "$launchc" "$root/$queue" || status=$?
    case "$status" in
        2) grep -q "No space left on device" "$work/full.err" || fail "full filesystem: no error message ($(cat "$work/full.err"))"; ok ;;
        97) fail "full filesystem: the old file changed" ;;
        96) fail "full filesystem: a stray file was left" ;;
        99) echo "output-safety: cannot mount a tmpfs here; full-filesystem case skipped" >&2 ;;
        *) fail "full filesystem: exit $status, expected 2" ;;
    esac
else
    echo "output-safety: not root or no mount namespaces; full-filesystem case skipped" >&2
fi

# 3. A device: written in place and reported, never replaced by a regular file.
if [ -c /dev/full ] && [ -w /dev/full ]; then
    status=0
    "$launchc" render "$queue" --run-id abc123 -o /dev/full 2>"$work/err" >/dev/null || status=$?
    [ "$status" -eq 2 ] || fail "/dev/full: exit $status, expected 2"
    grep -q "No space left on device" "$work/err" || fail "/dev/full: no error message ($(cat "$work/err"))"
    [ -c /dev/full ] || fail "/dev/full is no longer a character device"
    ok
fi

# 4. A symbolic link: the file it points at gets the text; the link stays a link.
echo "old" > "$work/target.json"
ln -s target.json "$work/link.json"
"$launchc" render "$queue" --run-id abc123 -o "$work/link.json" >/dev/null
[ -L "$work/link.json" ] || fail "symbolic link: replaced by a file"
[ "$(cat "$work/target.json")" = "$expected" ] || fail "symbolic link: the target does not hold the body"
ok

# 4b. A private file stays private: the replacement keeps the old file's mode.
echo "old" > "$work/private.json"
chmod 600 "$work/private.json"
"$launchc" render "$queue" --run-id abc123 -o "$work/private.json" >/dev/null
[ "$(stat -c %a "$work/private.json")" = "600" ] || fail "a 0600 file became $(stat -c %a "$work/private.json")"
[ "$(cat "$work/private.json")" = "$expected" ] || fail "the 0600 file does not hold the body"
ok

# 4c. A dangling symbolic link: the file it names is created; the link stays.
ln -s created.json "$work/dangling.json"
"$launchc" render "$queue" --run-id abc123 -o "$work/dangling.json" >/dev/null
[ -L "$work/dangling.json" ] && [ "$(cat "$work/created.json")" = "$expected" ] || fail "dangling link: not written through"
ok

# 5. A FIFO: written in place (a reader gets the body), not replaced.
mkfifo "$work/pipe"
cat "$work/pipe" > "$work/from-pipe" &
reader=$!
"$launchc" render "$queue" --run-id abc123 -o "$work/pipe" >/dev/null
wait "$reader"
[ -p "$work/pipe" ] || fail "FIFO: replaced by a file"
[ "$(cat "$work/from-pipe")" = "$expected" ] || fail "FIFO: the reader did not get the body"
ok

# 6. check --output too: a report file in a read-only folder is refused whole.
status=0
"${as_user[@]}" "$user_launchc" check --no-config --format sarif --output "$work/locked/report.sarif" "$user_fixtures" >/dev/null 2>"$work/err" || status=$?
[ "$status" -eq 2 ] || fail "check --output in a read-only folder: exit $status, expected 2"
[ ! -e "$work/locked/report.sarif" ] || fail "check --output: a partial report was left"
ok

echo "output-safety: $passed cases: no partial file, no damaged target"
