#!/bin/sh
set -e
[ -n "$APP_ENV" ] || export APP_ENV=production
exec "$@"
