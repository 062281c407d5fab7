#!/bin/sh
set -e
echo setup
exec /app/docker-entrypoint.sh "$@"
