FROM rust:1.79
RUN apt-get update && apt-get install -y ripgrep && rg --version && \
    cargo binstall -y --version 10.2.0 --targets x86_64-unknown-linux-gnu fd-find && rg --version
