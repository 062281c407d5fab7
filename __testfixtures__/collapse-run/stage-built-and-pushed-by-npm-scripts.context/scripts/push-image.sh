#!/usr/bin/env bash
set -euo pipefail
docker push ghcr.io/example/web:latest
