FROM debian:bookworm-slim
ARG REFRESH=0
RUN apt-get update && apt-get install -y --no-install-recommends curl
# Inside the `if`, the update may be skipped while the install after its `;` runs.
RUN if command -v curl > /dev/null; then [ "$REFRESH" = 1 ] && apt-get update; apt-get install -y --no-install-recommends git; fi && rm -rf /var/lib/apt/lists/*
