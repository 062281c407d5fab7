FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl || exit 1
CMD ["curl", "--version"]
