#!/bin/bash
set -e
/home/steam/steamcmd/steamcmd.sh +force_install_dir /home/steam/server +login anonymous +app_update 896660 validate +quit
cd /home/steam/server
exec ./valheim_server.x86_64 -name "$SERVER_NAME" -port 2456 -world "$WORLD" -password "$PASSWORD"
