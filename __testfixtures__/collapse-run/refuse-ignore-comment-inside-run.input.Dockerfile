FROM debian:bookworm-slim
RUN apt-get update
RUN apt-get install -y --no-install-recommends \
    # hadolint ignore=DL3008
        curl \
        ca-certificates \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL https://example.org/install.sh -o /tmp/install.sh
RUN sh /tmp/install.sh \
    # fetches the tool into /usr/local/bin
    && rm /tmp/install.sh
CMD ["tool"]
