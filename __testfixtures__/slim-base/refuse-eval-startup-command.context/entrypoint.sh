#!/bin/bash
cd /home/container || exit 1
java -version

# The panel hands in the server's startup command, with {{VARIABLE}} placeholders.
PARSED=$(echo "${STARTUP}" | sed -e 's/{{/${/g' -e 's/}}/}/g' | eval echo "$(cat -)")
printf 'container~ %s\n' "$PARSED"
# shellcheck disable=SC2086
eval ${PARSED}
