#!/usr/bin/env bash
# Started as root: run the app as its own user.
if [ "$(id -u)" = '0' ]; then
	exec setpriv --reuid=1000 --regid=1000 --init-groups "$@"
fi
exec "$@"
