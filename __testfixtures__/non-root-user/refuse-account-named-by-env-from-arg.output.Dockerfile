FROM debian:bookworm-slim

ARG APP_USER=worker
ENV APP_USER=$APP_USER

RUN useradd -u 1001 -m "$APP_USER"

COPY bin/queue-worker /usr/local/bin/queue-worker

CMD ["queue-worker", "--concurrency", "4"]
