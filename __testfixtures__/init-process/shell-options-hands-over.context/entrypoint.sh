#!/bin/sh
set -e
if [ -n "$APP_USER" ]; then
	./cli/create-user.sh "$APP_USER"
fi
exec "$@"
