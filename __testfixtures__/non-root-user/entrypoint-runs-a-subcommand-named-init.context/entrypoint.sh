#!/bin/sh
set -e
/opt/app/bin/app init --config /tmp/app.yml
exec /opt/app/bin/app --config /tmp/app.yml "$@"
