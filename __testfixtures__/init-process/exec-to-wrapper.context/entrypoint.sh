#!/bin/sh
set -e
if [ -n "$WAIT_FOR" ]; then
  until nc -z "$WAIT_FOR" 5432; do sleep 1; done
fi
exec "$@"
