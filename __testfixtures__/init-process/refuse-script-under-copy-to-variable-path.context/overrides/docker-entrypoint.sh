#!/bin/bash
set -e
sed -i -r -e "s|=INFO, stdout|=${LOG_LEVEL:-INFO}, stdout|g" "$KAFKA_HOME/config/log4j.properties"
"$KAFKA_HOME/bin/connect-distributed.sh" "$KAFKA_HOME/config/connect-distributed.properties"
