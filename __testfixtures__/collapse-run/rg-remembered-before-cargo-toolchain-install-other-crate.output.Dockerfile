FROM rust:1.79
RUN apt-get update && apt-get install -y ripgrep && rg --version && \
    cargo +1.79 install --locked fd-find && rg --version
