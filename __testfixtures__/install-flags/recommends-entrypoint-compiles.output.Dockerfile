FROM debian:bookworm-slim
RUN apt-get update && apt-get install --no-install-recommends -y gcc libc6-dev && rm -rf /var/lib/apt/lists/*
COPY docker-entrypoint.sh /usr/local/bin/
COPY server /app/server
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["/app/server"]
