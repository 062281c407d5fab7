FROM rust:1.80-slim-bookworm
RUN rustup toolchain install nightly --profile minimal
RUN rustup run nightly -- cargo install ripgrep --locked
CMD ["rg", "--version"]
