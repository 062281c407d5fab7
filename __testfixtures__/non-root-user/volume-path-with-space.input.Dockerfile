FROM debian:bookworm-slim
ENV APP_DATA_DIR /var/lib/app/Application Support
COPY server /usr/local/bin/server
VOLUME $APP_DATA_DIR
CMD ["server"]
