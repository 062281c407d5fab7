FROM rust:1.79
RUN apt-get update && apt-get install -y ripgrep && rg --version && \
    cargo -Z sparse-registry --config /etc/cargo-ci.toml install --locked fd-find && rg --version
