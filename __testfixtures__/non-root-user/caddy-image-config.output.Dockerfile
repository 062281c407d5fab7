FROM caddy:2.11
COPY site/ /usr/share/caddy/
