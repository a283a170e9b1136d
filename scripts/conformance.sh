#!/usr/bin/env bash
# The official JSON Schema Test Suite (draft 2020-12, required tests) against launchc's engine.
# The suite ships inside the `jsonschema` source distribution on PyPI; it is downloaded once into
# .build-suite/ (git-ignored) and never installed.
set -euo pipefail
runner=${1:?usage: conformance.sh path/to/launchc-conformance}
version=4.26.0
cache=.build-suite
suite="$cache/jsonschema-$version/json"
if [ ! -d "$suite/tests/draft2020-12" ]; then
    mkdir -p "$cache"
    python3 -m pip download --quiet --no-deps --no-binary :all: "jsonschema==$version" -d "$cache"
    tar -xzf "$cache/jsonschema-$version.tar.gz" -C "$cache" "jsonschema-$version/json"
fi
"$runner" "$suite"
