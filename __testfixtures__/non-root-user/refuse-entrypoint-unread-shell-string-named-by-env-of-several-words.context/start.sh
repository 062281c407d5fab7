#!/bin/sh
chown -R app /data
exec su-exec app node /app/server.js
