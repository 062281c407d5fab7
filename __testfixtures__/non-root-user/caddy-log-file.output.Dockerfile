FROM caddy:2.11-alpine
COPY Caddyfile /etc/caddy/Caddyfile
COPY public/ /srv/
