#!/bin/sh
set -e
exec >> /var/log/app.log 2>&1
exec python /app/main.py
