FROM nextcloud:fpm-alpine

RUN set -ex; \
    \
    apk add --no-cache \
        ffmpeg \
        procps \
        supervisor; \
#       libreoffice \
    mkdir -p \
    /var/log/supervisord \
    /var/run/supervisord \
;

COPY supervisord.conf /
CMD ["/usr/bin/supervisord", "-c", "/supervisord.conf"]
