FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends docker && rm -rf /var/lib/apt/lists/*
COPY docker/app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
