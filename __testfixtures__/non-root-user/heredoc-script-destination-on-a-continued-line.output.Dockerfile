# syntax=docker/dockerfile:1
FROM nginx:1.27-alpine
COPY --chmod=755 <<'EOF' \
    /usr/local/bin/start
#!/bin/sh
envsubst < /etc/nginx/templates/site.conf > /etc/nginx/conf.d/default.conf
exec nginx -g 'daemon off;'
EOF
ENTRYPOINT ["/usr/local/bin/start"]
