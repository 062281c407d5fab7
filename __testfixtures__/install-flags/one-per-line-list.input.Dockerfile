FROM debian:bookworm
RUN apt-get update && apt-get install -y \
    git \
    make \
    && git clone https://example.com/r.git /r \
    && rm -rf /var/lib/apt/lists/*
