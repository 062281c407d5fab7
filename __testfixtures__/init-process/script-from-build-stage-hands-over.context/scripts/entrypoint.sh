#!/bin/sh
set -e
export APP_DSN="${APP_DSN:-sqlite}"
exec "$@"
