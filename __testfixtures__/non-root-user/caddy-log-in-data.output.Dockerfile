FROM caddy:2.10-alpine
COPY Caddyfile /etc/caddy/Caddyfile
COPY public/ /srv/
RUN addgroup -S -g 10001 app && \
    adduser -S -D -u 10001 -G app app && \
    chown 10001:10001 /data/caddy && \
    chown 10001:10001 /config/caddy
USER 10001:10001
