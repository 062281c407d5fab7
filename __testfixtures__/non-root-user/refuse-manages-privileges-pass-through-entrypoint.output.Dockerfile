FROM ubuntu:22.04

RUN groupadd -r clickhouse --gid=101 \
    && useradd -r -g clickhouse --uid=101 --home-dir=/var/lib/clickhouse clickhouse \
    && apt-get update \
    && apt-get install --yes --no-install-recommends ca-certificates clickhouse-server \
    && rm -rf /var/lib/apt/lists/*

COPY entrypoint.sh /entrypoint.sh

EXPOSE 9000 8123
VOLUME /var/lib/clickhouse

ENTRYPOINT ["/entrypoint.sh"]
