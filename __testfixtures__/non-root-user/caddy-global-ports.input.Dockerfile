FROM caddy:2.11.2
COPY Caddyfile /etc/caddy/Caddyfile
EXPOSE 8080 8443
