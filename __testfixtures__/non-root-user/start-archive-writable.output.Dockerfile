FROM debian:bookworm-slim
WORKDIR /srv
COPY . .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    mkdir -p /export && \
    chown 10001:10001 /export
USER 10001:10001
VOLUME /export
CMD ["sh", "-c", "tar -czf /export/backup.tgz data && zip -r /tmp/site.zip . && tar -cf - data | gzip > /export/data.tgz && tar -tzf /export/backup.tgz"]
