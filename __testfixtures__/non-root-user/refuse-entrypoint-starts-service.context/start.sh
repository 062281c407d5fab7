#!/bin/sh
set -e
/etc/init.d/memcached start
exec python3 app.py
