FROM debian:bookworm-slim
ENV APP_DATA_DIR /var/lib/app/Application Support
COPY server /usr/local/bin/server
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    mkdir -p '/var/lib/app/Application Support' && \
    chown 10001:10001 '/var/lib/app/Application Support'
USER 10001:10001
VOLUME $APP_DATA_DIR
CMD ["server"]
