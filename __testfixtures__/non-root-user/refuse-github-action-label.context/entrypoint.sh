#!/bin/bash
set -e
pyspelling -c "$INPUT_CONFIG_PATH"
echo "result=ok" >> "$GITHUB_OUTPUT"
