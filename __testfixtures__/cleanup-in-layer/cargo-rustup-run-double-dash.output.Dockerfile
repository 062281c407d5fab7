FROM rust:1.80-slim-bookworm
RUN rustup toolchain install nightly --profile minimal
RUN rustup run nightly -- cargo install ripgrep --locked && rm -rf "${CARGO_HOME:-$HOME/.cargo}/registry" "${CARGO_HOME:-$HOME/.cargo}/git"
CMD ["rg", "--version"]
