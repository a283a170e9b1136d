#!/usr/bin/env bash
# The official JSON Schema Test Suite (draft 2020-12) against launchc's engine: every required
# test must pass; optional/ is reported. The suite is vendored in third_party/ (see its
# SOURCE.md for the commit), with the remotes that tests reach served in-process.
set -euo pipefail
runner=${1:?usage: conformance.sh path/to/launchc-conformance [SUITE_DIR]}
suite=${2:-third_party/json-schema-test-suite}
"$runner" "$suite"
