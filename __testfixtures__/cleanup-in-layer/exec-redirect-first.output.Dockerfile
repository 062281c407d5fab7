FROM debian:bookworm
RUN exec > /tmp/build.log 2>&1; apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
