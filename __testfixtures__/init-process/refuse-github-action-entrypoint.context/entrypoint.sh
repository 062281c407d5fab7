#!/bin/bash
set -euo pipefail
git config --global --add safe.directory "$GITHUB_WORKSPACE"
git log -1 --format=%H
echo "sha=$(git rev-parse HEAD)" >> "$GITHUB_OUTPUT"
