#!/bin/sh
set -e
# Run the migrations before the server, then hand over.
node build/migrate.js
exec "$@"
