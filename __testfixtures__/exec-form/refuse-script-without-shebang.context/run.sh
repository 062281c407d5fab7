echo "starting"
exec /usr/local/bin/server
