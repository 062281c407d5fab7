FROM ubuntu:24.04

RUN apt-get update \
 && apt-get install -y --no-install-recommends clang cmake make \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src

ENTRYPOINT ["/usr/local/bin/fuzz-local"]

COPY docker-entrypoint.sh /usr/local/bin/fuzz-local
RUN chmod +x /usr/local/bin/fuzz-local
