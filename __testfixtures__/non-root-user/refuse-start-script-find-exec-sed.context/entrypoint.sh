#!/bin/sh
# the API URL the bundle was built with is swapped for the one it runs against
find dist -type f -name "*.js" -exec sed -i "s|__API_URL__|$API_URL|g" {} +
exec "$@"
