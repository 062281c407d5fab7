#!/bin/sh
set -e
chown -R node /app/data
exec setpriv --reuid=node --regid=node --init-groups "$@"
