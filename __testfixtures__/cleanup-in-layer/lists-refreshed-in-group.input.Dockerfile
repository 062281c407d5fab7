FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN (apt-get update || true) && apt-get install -y --no-install-recommends git
