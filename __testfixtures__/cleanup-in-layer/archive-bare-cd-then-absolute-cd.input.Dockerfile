FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl gcc make libc6-dev && rm -rf /var/lib/apt/lists/*
# shell settings for root, then build redis from source
RUN cd && echo "set -o vi" >> .bashrc \
    && cd /usr/src \
    && curl -fsSLO https://download.redis.io/releases/redis-7.2.4.tar.gz \
    && tar xzf redis-7.2.4.tar.gz \
    && cd redis-7.2.4 && make && make install
CMD ["redis-server"]
