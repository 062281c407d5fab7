#!/bin/sh
busybox crond -f -l 8 &
exec node server.js
