#!/bin/sh
chown -R "${PUID}:${PGID}" /config
exec su-exec "${PUID}:${PGID}" app "$@"
