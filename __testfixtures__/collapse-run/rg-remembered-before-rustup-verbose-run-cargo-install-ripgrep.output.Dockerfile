FROM rust:1.79
RUN ( apt-get update && apt-get install -y ripgrep && rg --version ) && \
    rustup --verbose run nightly cargo install --locked ripgrep && rg --version
