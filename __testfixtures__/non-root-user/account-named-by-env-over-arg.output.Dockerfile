FROM debian:bookworm-slim

ARG APP_USER=builder
ENV APP_USER=worker
ENV APP_HOME=/home/$APP_USER

RUN useradd -u 1001 -m -d "$APP_HOME" "$APP_USER"

COPY bin/queue-worker /usr/local/bin/queue-worker
USER 1001

CMD ["queue-worker", "--concurrency", "4"]
