# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN cat > /etc/apt/apt.conf.d/99retries << 'EOF'
Acquire::Retries "5";
EOF
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl
