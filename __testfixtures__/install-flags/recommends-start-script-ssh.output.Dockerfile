FROM debian:bookworm-slim
RUN apt-get update && apt-get install --no-install-recommends -y git ca-certificates openssh-client && rm -rf /var/lib/apt/lists/*
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["/config/run"]
