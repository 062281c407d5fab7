#!/bin/bash
set -e
server &
tail -f /var/log/server.log
