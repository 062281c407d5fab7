#!/bin/sh
exec su-exec app node /srv/app/server.js
