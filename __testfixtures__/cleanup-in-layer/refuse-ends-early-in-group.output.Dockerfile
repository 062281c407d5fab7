FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && \
    { curl --version; exit 0; }
CMD ["curl", "--version"]
