#!/usr/bin/env bash
# The AWS policies `launchc policy` writes for fixtures/policy/cases through the parliament IAM
# linter (PyPI, in .venv-tools; scripts/tools-venv.sh): scripts/policy-check.py says what passes.
#
#   scripts/policy-check.sh PATH/TO/launchc
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
launchc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
venv=$("$root/scripts/tools-venv.sh")
"$venv/bin/python" "$root/scripts/policy-check.py" "$launchc" "$root"
