# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl
RUN <<E"O"F bash
set -euo pipefail
apt-get install -y --no-install-recommends git
EOF
RUN rm -rf /var/lib/apt/lists/*
CMD ["bash"]
