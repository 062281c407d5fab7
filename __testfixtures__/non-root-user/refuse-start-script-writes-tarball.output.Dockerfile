FROM debian:bookworm-slim
WORKDIR /srv
COPY . .
CMD ["sh", "-c", "cd /srv && tar -czf backup.tgz data && sleep infinity"]
