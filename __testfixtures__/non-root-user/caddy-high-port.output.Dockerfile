FROM caddy:2.11-alpine
COPY Caddyfile /etc/caddy/Caddyfile
COPY public/ /srv/
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
