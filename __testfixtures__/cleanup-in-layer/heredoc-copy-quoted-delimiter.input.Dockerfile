# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends nginx
COPY <<'EOF' /etc/nginx/conf.d/default.conf
server { listen 80; root /srv/www; }
EOF
RUN rm -rf /var/lib/apt/lists/* /tmp/*
CMD ["nginx", "-g", "daemon off;"]
