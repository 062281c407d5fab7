FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl gcc make libc6-dev && rm -rf /var/lib/apt/lists/*
# build in root's home: the folder is $HOME, which dockshift does not follow
RUN cd && mkdir -p src && cd src \
    && curl -fsSLO https://download.redis.io/releases/redis-7.2.4.tar.gz \
    && tar xzf redis-7.2.4.tar.gz \
    && cd redis-7.2.4 && make && make install
CMD ["redis-server"]
