FROM ubuntu:22.04
# Caddy's install instructions for Debian and Ubuntu
RUN apt-get update \
    && apt-get install --no-install-recommends -y debian-keyring debian-archive-keyring apt-transport-https curl gnupg ca-certificates \
    && curl -1sLf 'https://dl.cloudsmith.io/public/caddy/stable/gpg.key' | gpg --dearmor -o /usr/share/keyrings/caddy-stable-archive-keyring.gpg \
    && curl -1sLf 'https://dl.cloudsmith.io/public/caddy/stable/debian.deb.txt' | tee /etc/apt/sources.list.d/caddy-stable.list \
    && rm -rf /var/lib/apt/lists/*
CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile"]
