FROM debian:bookworm-slim

ENV SERVICE_NAME=worker
ENV SERVICE_GID=1001

RUN groupadd -g $SERVICE_GID $SERVICE_NAME \
    && useradd -u 1001 -g "$SERVICE_NAME" -m "$SERVICE_NAME"

COPY bin/queue-worker /usr/local/bin/queue-worker

CMD ["queue-worker", "--concurrency", "4"]
