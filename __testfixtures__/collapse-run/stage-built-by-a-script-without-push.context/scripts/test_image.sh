#!/bin/bash
set -euo pipefail
TARGET=lean
docker build -f stage-built-by-a-script-without-push.Dockerfile --target "$TARGET" -t app:test .
docker run --rm app:test python -c "import app"
