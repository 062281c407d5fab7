#!/bin/sh
# the bundle is served from a copy, where the API URL is swapped
cp -r dist /tmp/www
find /tmp/www -type f -name "*.js" -exec sed -i "s|__API_URL__|$API_URL|g" {} \;
exec "$@"
