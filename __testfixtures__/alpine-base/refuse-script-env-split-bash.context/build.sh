#!/usr/bin/env -S bash -e
shopt -s globstar
for f in /app/**/*.py; do python -m py_compile "$f"; done
