#!/bin/bash
set -e
if [ "$1" = server ]; then
    /init-db.sh "${@:2}"
fi
exec "$@"
