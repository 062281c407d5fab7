FROM caddy:2.11.2
COPY Caddyfile /etc/caddy/Caddyfile
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
EXPOSE 8080 8443
