#!/bin/sh
grep -rl __API_URL__ /app/dist | xargs -r sed -i "s|__API_URL__|$API_URL|g"
exec "$@"
