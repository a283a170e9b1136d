#!/usr/bin/env bash
# `make demo`: launchc on the fixtures, each command shown before its output.
set -u
bin=${1:?usage: demo.sh path/to/launchc}
cd "$(dirname "$0")/.."
bold='' plain=''
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then bold=$'\033[1m' plain=$'\033[0m'; fi
run() {
    printf '\n%s$ launchc %s%s\n' "$bold" "$*" "$plain"
    "$bin" "$@"
    printf '(exit %d)\n' $?
}
run check fixtures/valid
run check fixtures/syntax/duplicate-key.yaml fixtures/syntax/yaml11-ambiguous.yaml fixtures/syntax/trailing-comma.json
run parse --compact fixtures/valid/kubernetes-queue.yaml
run render fixtures/render/cases/sagemaker-spec-merge/queue.yaml --spec fixtures/render/cases/sagemaker-spec-merge/spec.yaml --run-id abc123
run render fixtures/local-container/gpu.yaml --format shell --run-id abc123 --entry-point 'python train.py' --args='--lr 0.1'
run render fixtures/render/cases/sagemaker-explain-templates/queue.yaml --spec fixtures/render/cases/sagemaker-explain-templates/spec.yaml --set instance_count=4 --run-id abc123 --explain
run policy fixtures/policy/aws-build-agent.yaml fixtures/policy/sagemaker-encrypted.yaml
run explain LC1209

# Where the binary is, and how to run it as `launchc`.
printf '\n%slaunchc is built: %s%s\n' "$bold" "$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" "$plain"
printf 'Put it on PATH with:  make install PREFIX=~/.local   (then, if needed: export PATH="$HOME/.local/bin:$PATH")\n'
exit 0
