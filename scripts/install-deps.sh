#!/usr/bin/env bash
# Installs the system packages launchc builds against, only when something is missing:
# libyaml-dev (yaml.h, yaml-0.1.pc), libjansson-dev (jansson.h, jansson.pc) and pkg-config.
# Extra package names given as arguments (the tests want `time`) are installed when their
# command is missing.
set -euo pipefail

missing=()
for extra in "$@"; do
    command -v "$extra" >/dev/null 2>&1 || [ -x "/usr/bin/$extra" ] || missing+=("$extra")
done
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! [ -f /usr/include/yaml.h ] || ! pkg-config --exists yaml-0.1 2>/dev/null; then missing+=(libyaml-dev); fi
if ! [ -f /usr/include/jansson.h ] || ! pkg-config --exists jansson 2>/dev/null; then missing+=(libjansson-dev); fi
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "launchc needs: ${missing[*]}; run as root: apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "launchc needs: ${missing[*]} (this script knows apt-get only; install them with your package manager)" >&2
    exit 1
fi
echo "installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y -q "${missing[@]}" >/dev/null; then
    # The package lists may be missing or stale on a fresh machine.
    $sudo apt-get update -q >/dev/null
    $sudo apt-get install -y -q "${missing[@]}" >/dev/null
fi
