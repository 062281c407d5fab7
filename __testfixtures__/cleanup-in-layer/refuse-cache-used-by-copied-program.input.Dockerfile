FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl
COPY install-redis /usr/local/sbin/
RUN /usr/local/sbin/install-redis
RUN rm -rf /var/lib/apt/lists/*
CMD ["redis-server"]
