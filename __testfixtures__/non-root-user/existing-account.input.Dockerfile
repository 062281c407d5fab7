FROM debian:bookworm-slim

RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd -g 1001 worker \
    && useradd -u 1001 -g worker -m worker

COPY --chown=worker:worker bin/queue-worker /usr/local/bin/queue-worker

CMD ["queue-worker", "--concurrency", "4"]
