#!/bin/bash

set -e

DB_ARGS=("--db_host" "${HOST:-db}")

case "$1" in
    -- | server)
        shift
        if [[ "$1" == "scaffold" ]] ; then
            exec server "$@"
        else
            wait-for-db.py ${DB_ARGS[@]} --timeout=30
            exec server "$@" "${DB_ARGS[@]}"
        fi
        ;;
    -*)
        wait-for-db.py ${DB_ARGS[@]} --timeout=30
        exec server "$@" "${DB_ARGS[@]}"
        ;;
    *)
        exec "$@"
esac

exit 1
