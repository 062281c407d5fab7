FROM debian:bookworm-slim
SHELL ["/bin/bash", "-c"]
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
# bash knows every option set names here, so it cannot fail: the update always runs before the install
RUN set -euo pipefail && apt-get update; apt-get install -y --no-install-recommends git; rm -rf /var/lib/apt/lists/*
