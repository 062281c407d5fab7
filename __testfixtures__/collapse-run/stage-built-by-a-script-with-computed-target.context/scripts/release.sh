#!/bin/sh
set -eu
# The stage to publish comes from the caller; lean when none is given.
TARGET="${1:-lean}"
docker build -f stage-built-by-a-script-with-computed-target.Dockerfile --target "$TARGET" -t "example/app:$TARGET" .
docker push "example/app:$TARGET"
