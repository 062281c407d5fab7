FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y wget make gcc && rm -rf /var/lib/apt/lists/*
WORKDIR /tmp
COPY install-redis .
RUN ./install-redis && rm -rf /tmp/redis-*
WORKDIR /data
USER nobody
CMD ["redis-server"]
