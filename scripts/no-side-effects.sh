#!/usr/bin/env bash
# launchc never runs a program, never opens a network connection and never writes outside the
# -o/--output paths. Checked two ways on check, render and parse over the fixtures: under strace
# (no socket, connect, fork, clone of a process or exec after its own start; every file opened for
# writing is an output path or its temporary file), and in a network namespace with no network,
# where the output must be byte for byte what it is outside.
set -euo pipefail
launchc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v strace >/dev/null 2>&1 || scripts/install-deps.sh strace
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "no-side-effects: $*" >&2; exit 1; }

runs=(
    "check --no-config fixtures"
    "check --format sarif --output $work/report.sarif --format junit --output $work/report.xml fixtures/valid fixtures/queue"
    "check --schema fixtures/user-schema/schema.yaml fixtures/user-schema"
    "render fixtures/queue/sagemaker-gpu.yaml --run-id abc123 -o $work/job.json"
    "render fixtures/render/cases/sagemaker-spec-merge/queue.yaml --spec fixtures/render/cases/sagemaker-spec-merge/spec.yaml --aws-account 210987654321"
    "render fixtures/kubernetes/docs-example.yaml --format yaml"
    "render fixtures/local-container/docs-example.yaml --format shell"
    "parse fixtures/valid/kubernetes-queue.yaml"
)
count=0
for run in "${runs[@]}"; do
    read -r -a args <<< "$run"
    trace="$work/trace"
    strace -f -qq -o "$trace" -e trace=socket,connect,bind,sendto,execve,execveat,fork,vfork,clone,clone3,open,openat,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat \
        "$launchc" "${args[@]}" >/dev/null 2>&1 || true
    # Its own exec is the first line; nothing may start another program.
    [ "$(grep -c 'execve(' "$trace")" -eq 1 ] || fail "'launchc $run' runs a program: $(grep 'execve(' "$trace" | tail -n +2 | head -3)"
    if grep -E '(^| )(socket|connect|bind|sendto|fork|vfork)\(' "$trace" >/dev/null; then
        fail "'launchc $run' uses the network or forks: $(grep -E '(socket|connect|bind|sendto|fork|vfork)\(' "$trace" | head -3)"
    fi
    # Threads (--jobs) are clones with CLONE_THREAD; a new process would lack it.
    if grep -E 'clone3?\(' "$trace" | grep -v CLONE_THREAD | grep -q .; then
        fail "'launchc $run' starts a process: $(grep -E 'clone3?\(' "$trace" | grep -v CLONE_THREAD | head -3)"
    fi
    # Files opened for writing, created, renamed or removed: only output paths and their temporary files.
    grep -E 'O_WRONLY|O_RDWR|O_CREAT|creat\(|rename|unlink|mkdir' "$trace" | grep -v ' = -1 ' | grep -oE '"[^"]*"' | tr -d '"' | sort -u > "$work/written" || true
    while read -r path; do
        case "$path" in
            "$work"/job.json|"$work"/report.sarif|"$work"/report.xml|"$work"/.job.json.launchc-*|"$work"/.report.sarif.launchc-*|"$work"/.report.xml.launchc-*) ;;
            /dev/null|/dev/tty) ;;
            *) fail "'launchc $run' writes '$path'" ;;
        esac
    done < "$work/written"
    count=$((count + 1))
done

# With no network at all, the same output.
if unshare -n true 2>/dev/null; then
    for run in "check --no-config fixtures" "render fixtures/queue/sagemaker-gpu.yaml --run-id abc123"; do
        read -r -a args <<< "$run"
        outside=$("$launchc" "${args[@]}" 2>&1 || true)
        inside=$(unshare -n "$launchc" "${args[@]}" 2>&1 || true)
        [ "$outside" = "$inside" ] || fail "'launchc $run' prints something else without a network"
    done
    echo "no-side-effects: $count runs under strace: no program run, no socket, no process, no write outside -o/--output; the same output without a network"
else
    echo "no-side-effects: $count runs under strace: no program run, no socket, no process, no write outside -o/--output (network namespaces unavailable: that part skipped)"
fi
