FROM rust:1.79
RUN ( apt-get update && apt-get install -y ripgrep && rg --version ) && \
    cargo install --locked --version 14.1.0 ripgrep && rg --version
