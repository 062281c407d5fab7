FROM debian:bookworm-slim

RUN apt update \
    && apt install --yes ca-certificates curl --no-install-recommends \
    && rm -rf /var/lib/{apt,dpkg,cache,log} \
    && rm -rf /var/lib/apt/lists/*

EXPOSE 8181
ENTRYPOINT ["/usr/bin/server"]
