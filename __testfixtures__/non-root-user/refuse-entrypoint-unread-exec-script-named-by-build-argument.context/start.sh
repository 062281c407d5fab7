#!/bin/sh
exec node /app/server.js
