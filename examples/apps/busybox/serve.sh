#!/bin/sh
# Serve /srv/www until asked to stop; a clean exit on SIGTERM.
trap 'echo "stopping"; exit 0' TERM INT
echo "serving /srv/www on :8080"
httpd -f -p 8080 -h /srv/www &
wait
