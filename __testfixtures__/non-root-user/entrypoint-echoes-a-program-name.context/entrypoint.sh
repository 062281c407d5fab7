#!/bin/sh
set -e
echo "Running DB init..."
python migrate.py
exec "$@"
