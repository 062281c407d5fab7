#!/bin/sh
set -e
# Wait for the database before starting (the app retries too, but logs are cleaner).
if [ -n "$DATABASE_HOST" ]; then
  echo "waiting for $DATABASE_HOST"
fi
exec "$@"
