FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates
RUN curl -fsSL https://example.com/optional-plugin.sh -o /usr/local/bin/plugin; exit 0
CMD ["curl", "--version"]
