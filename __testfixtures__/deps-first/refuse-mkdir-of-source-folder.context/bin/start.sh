#!/bin/sh
exec /app/bin/app "$@"
