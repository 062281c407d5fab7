# The entrypoint hands over to a second script, which is not read: it may start Apache.
FROM php:8-apache
COPY docker/entrypoint.sh /entrypoint.sh
COPY docker/web.sh /web.sh
ENTRYPOINT ["/entrypoint.sh"]
