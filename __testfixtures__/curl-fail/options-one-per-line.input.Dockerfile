FROM debian:bookworm-slim AS tools
ARG TARGETARCH
ARG TOOL_VERSION=4.3.0
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*
RUN set -ex \
    && curl \
        --silent \
        --show-error \
        --location \
        --output /usr/local/bin/gomplate \
        https://github.com/hairyhenderson/gomplate/releases/download/v${TOOL_VERSION}/gomplate_linux-${TARGETARCH} \
    && chmod +x /usr/local/bin/gomplate \
    && curl \
        --silent --show-error \
        --output /tmp/notes.txt \
        https://example.com/notes.txt
