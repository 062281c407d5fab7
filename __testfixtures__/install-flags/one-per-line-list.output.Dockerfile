FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y \
    git \
    make \
    ca-certificates \
    && git clone https://example.com/r.git /r \
    && rm -rf /var/lib/apt/lists/*
