FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl || exit 1 && rm -rf /var/lib/apt/lists/*
CMD ["curl", "--version"]
