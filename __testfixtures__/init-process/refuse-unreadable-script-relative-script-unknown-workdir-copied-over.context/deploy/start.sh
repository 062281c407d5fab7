#!/bin/sh
exec node /srv/app/server.js
