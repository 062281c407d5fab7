#!/bin/sh
# JAVA_OPTS may hold quoted options: eval expands them as the shell would.
eval exec java $JAVA_OPTS -jar /app/app.jar "$@"
