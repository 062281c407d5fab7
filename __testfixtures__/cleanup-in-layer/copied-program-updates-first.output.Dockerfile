FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY docker/install-redis /tmp/install-redis
RUN /tmp/install-redis
CMD ["redis-server"]
