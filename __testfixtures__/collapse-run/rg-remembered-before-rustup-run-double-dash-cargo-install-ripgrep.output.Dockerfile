FROM rust:1.79
RUN ( apt-get update && apt-get install -y ripgrep && rg --version ) && \
    rustup run nightly -- cargo install --locked ripgrep && rg --version
