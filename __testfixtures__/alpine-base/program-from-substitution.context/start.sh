#!/bin/sh
set -e
exec $(jvm_launcher) -jar /app/app.jar "$@"
