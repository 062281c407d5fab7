#!/bin/sh
set -e

if [ "$1" = "worker" ]; then
  exec node worker.js
fi

exec "$@"
