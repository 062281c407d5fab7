# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
# The server's settings, read from descriptor 3
RUN 3<<EOF install -D -m 644 /dev/fd/3 /etc/app/app.conf
listen 8080
RUN workers 4
EOF
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*
CMD ["/usr/local/bin/app"]
