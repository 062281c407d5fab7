FROM caddy:2.11-builder AS builder
RUN xcaddy build --with github.com/lucaslorentz/caddy-docker-proxy/v2

FROM caddy:2.11
COPY --from=builder /usr/bin/caddy /usr/bin/caddy
CMD ["caddy", "docker-proxy"]
