#!/usr/bin/env bash
set -Eeo pipefail
# Started as root: give the data folder to postgres, then run again as postgres.
if [ "$1" = 'postgres' ] && [ "$(id -u)" = '0' ]; then
	mkdir -p "$PGDATA"
	chown -R postgres "$PGDATA"
	exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
fi
exec "$@"
