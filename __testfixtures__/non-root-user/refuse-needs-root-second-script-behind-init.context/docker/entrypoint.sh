#!/bin/sh
set -e
php /var/www/html/bin/console cache:warmup
/web.sh "$@"
