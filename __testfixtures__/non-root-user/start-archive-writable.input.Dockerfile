FROM debian:bookworm-slim
WORKDIR /srv
COPY . .
VOLUME /export
CMD ["sh", "-c", "tar -czf /export/backup.tgz data && zip -r /tmp/site.zip . && tar -cf - data | gzip > /export/data.tgz && tar -tzf /export/backup.tgz"]
