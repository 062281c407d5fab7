FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends docker && rm -rf /var/lib/apt/lists/*
COPY docker/app /usr/local/bin/app
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
ENTRYPOINT ["/usr/local/bin/app"]
