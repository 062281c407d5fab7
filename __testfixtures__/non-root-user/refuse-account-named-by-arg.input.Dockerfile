FROM debian:bookworm-slim

ARG APP_USER=worker

RUN useradd -u 1001 -m "${APP_USER}"

COPY bin/queue-worker /usr/local/bin/queue-worker

CMD ["queue-worker", "--concurrency", "4"]
