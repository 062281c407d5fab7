#!/bin/bash
set -e
/opt/steamcmd/steamcmd.sh +force_install_dir /opt/valheim +login anonymous +app_update 896660 validate +quit
cd /opt/valheim
exec ./valheim_server.x86_64 -name "$SERVER_NAME" -port 2456 -world "$WORLD" -password "$PASSWORD"
