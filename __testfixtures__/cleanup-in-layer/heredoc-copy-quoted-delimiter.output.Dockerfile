# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends nginx && rm -rf /var/lib/apt/lists/* /tmp/*
COPY <<'EOF' /etc/nginx/conf.d/default.conf
server { listen 80; root /srv/www; }
EOF
CMD ["nginx", "-g", "daemon off;"]
