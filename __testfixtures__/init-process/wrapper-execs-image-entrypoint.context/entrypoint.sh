#!/bin/sh
set -e
echo setup
exec docker-entrypoint.sh "$@"
