#!/bin/sh
# make schemas-check: the bundled schemas, as `launchc schema NAME` prints them for editors, checked
# by another validator. Installs check-jsonschema (PyPI, pinned in scripts/tools-venv.sh) into .venv-tools, then runs
# scripts/schemas-check.py with the launchc binary given (it builds nothing itself).
#
# Usage: scripts/schemas-check.sh path/to/launchc
set -eu

launchc=${1:?usage: scripts/schemas-check.sh path/to/launchc}
root=$(cd "$(dirname "$0")/.." && pwd)
venv=$("$root/scripts/tools-venv.sh")
exec "$venv/bin/python" "$root/scripts/schemas-check.py" "$launchc"
