#!/usr/bin/env bash
set -euo pipefail

# the sources are mounted read-only at /src: build a copy
readonly mounted_src=/src
readonly work_src=/tmp/project

mkdir -p "${work_src}"
tar -C "${mounted_src}" -cf - . | tar -C "${work_src}" -xf -
cd "${work_src}"
./build.sh
exec ./build/fuzzer "$@"
