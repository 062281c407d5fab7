FROM ubuntu:24.04

RUN apt-get update \
 && apt-get install -y --no-install-recommends clang cmake make \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src

ENTRYPOINT ["/usr/local/bin/fuzz-local"]

COPY docker-entrypoint.sh /usr/local/bin/fuzz-local
RUN chmod +x /usr/local/bin/fuzz-local
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
