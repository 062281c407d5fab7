FROM python:3.12-bookworm
ARG NODE_VERSION=20.11.1
ARG TARGETARCH

# Node.js, checked against the release's SHA256SUMS
RUN curl -fsSL -o "/tmp/node-v${NODE_VERSION}-linux-x64.tar.xz" "https://nodejs.org/dist/v${NODE_VERSION}/node-v${NODE_VERSION}-linux-x64.tar.xz" && \
    echo "d8dab549b09672b03356aa2257699f3de3b58c96e74eb26a8b495fbdc9cf6fbe  /tmp/node-v${NODE_VERSION}-linux-x64.tar.xz" | sha256sum -c - && \
    tar -xJf /tmp/node-v${NODE_VERSION}-linux-x64.tar.xz -C /usr/local --strip-components=1 && \
    rm /tmp/node-v${NODE_VERSION}-linux-x64.tar.xz

CMD ["node"]
