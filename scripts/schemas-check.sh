#!/bin/sh
# make schemas-check: the bundled schemas, as `launchc schema NAME` prints them for editors, checked
# by another validator. Installs check-jsonschema (PyPI, pinned) into .venv-tools, then runs
# scripts/schemas-check.py with the launchc binary given (it builds nothing itself).
#
# Usage: scripts/schemas-check.sh path/to/launchc
set -eu

CHECK_JSONSCHEMA_VERSION=0.39.0

launchc=${1:?usage: scripts/schemas-check.sh path/to/launchc}
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv-tools"

if ! test -x "$venv/bin/python" && ! python3 -m venv "$venv"; then
    echo "schemas-check needs Python's venv module (Debian: apt-get install python3-venv)" >&2
    exit 1
fi
if ! "$venv/bin/check-jsonschema" --version 2>/dev/null | grep -q " $CHECK_JSONSCHEMA_VERSION\$"; then
    "$venv/bin/pip" install --quiet "check-jsonschema==$CHECK_JSONSCHEMA_VERSION"
fi
exec "$venv/bin/python" "$root/scripts/schemas-check.py" "$launchc"
