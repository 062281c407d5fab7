#!/usr/bin/env bash
set -euo pipefail
docker build -f stage-built-and-pushed-by-npm-scripts.Dockerfile --target app -t ghcr.io/example/web:latest .
