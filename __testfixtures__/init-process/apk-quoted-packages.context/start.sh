#!/bin/bash
set -e
source /app/plane.env
/usr/local/bin/supervisord -c /etc/supervisor/conf.d/supervisor.conf
