#!/usr/bin/env bash
# Makes DIR (the Makefile's STATIC_LIBS) hold a link to the C++ compiler's libstdc++.a, so that
# release builds, which search DIR first, link libstdc++ statically. Without an archive DIR stays
# empty and the build links the shared libstdc++ as before.
set -euo pipefail
dir=${1:?usage: static-libs.sh DIR}
mkdir -p "$dir"
for cc in clang gcc cc; do
    command -v "$cc" >/dev/null 2>&1 || continue
    archive=$("$cc" -print-file-name=libstdc++.a 2>/dev/null || true)
    # -print-file-name echoes the bare name back when it finds nothing.
    if [ "${archive#/}" != "$archive" ] && [ -f "$archive" ]; then
        ln -sfn "$archive" "$dir/libstdc++.a"
        exit 0
    fi
done
rm -f "$dir/libstdc++.a"
