#!/bin/sh
# the URL the app was built with is swapped for the one it runs under
scripts/replace-placeholder.sh "$BUILT_URL" "$PUBLIC_URL"
exec yarn start
