FROM debian:bookworm-slim
RUN apt-get update && apt-get install --no-install-recommends -y wget make gcc ca-certificates libc6-dev && rm -rf /var/lib/apt/lists/*
COPY install-redis /tmp/install-redis
RUN /tmp/install-redis && rm -rf /tmp/redis-*
USER nobody
CMD ["redis-server"]
