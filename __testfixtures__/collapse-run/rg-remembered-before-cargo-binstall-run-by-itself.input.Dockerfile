FROM rust:1.79
RUN apt-get update && apt-get install -y ripgrep && rg --version
RUN cargo-binstall --no-confirm --strategies crate-meta-data ripgrep@14.1.0 && rg --version
