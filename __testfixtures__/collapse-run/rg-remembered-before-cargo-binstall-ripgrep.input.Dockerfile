FROM rust:1.79
RUN apt-get update && apt-get install -y ripgrep && rg --version
RUN cargo binstall -y --version 14.1.0 --targets x86_64-unknown-linux-gnu ripgrep && rg --version
