#!/bin/bash
set -eu
find "${1:-.}" -name "*.md" -print0 | xargs -0 -n1 markdown-link-check
