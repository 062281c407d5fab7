#!/bin/sh
set -e
codespell "$@"
echo "checked=1" >> "$GITHUB_OUTPUT"
