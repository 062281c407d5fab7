#!/bin/sh
sed -i "s|@PORT@|$PORT|" /tmp/app.conf
sed -n "/listen/p" /srv/app/app.conf.in
exec node server.js --config /tmp/app.conf
