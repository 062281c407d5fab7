#!/bin/sh
set -e
/opt/setup.sh
exec java -jar /opt/app.jar
