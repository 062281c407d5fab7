FROM debian:bookworm-slim

RUN apt-get update && \
    apt-get install -y --no-install-recommends ca-certificates wget && \
    rm -rf /var/lib/apt/lists/*

# clean up

COPY entrypoint.sh /usr/local/bin/
ENTRYPOINT ["entrypoint.sh"]
