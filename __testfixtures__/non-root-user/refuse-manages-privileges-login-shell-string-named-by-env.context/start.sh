#!/bin/sh
chown -R app /data
exec su-exec app "$@"
