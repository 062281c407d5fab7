FROM rust:1.79
RUN ( apt-get update && apt-get install -y ripgrep && rg --version ) && \
    su -c "cargo install --locked ripgrep" root && rg --version
