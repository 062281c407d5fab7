#!/bin/sh
set -e
if [ "${1#-}" != "$1" ]; then
  set -- "$PYTHON" -m app "$@"
fi
"$PYTHON" -m app.migrate
exec "$@"
