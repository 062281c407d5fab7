FROM rust:1.80-slim-bookworm
ARG TOOLCHAIN=stable
RUN rustup run "$TOOLCHAIN" cargo install ripgrep --locked && rm -rf "${CARGO_HOME:-$HOME/.cargo}/registry" "${CARGO_HOME:-$HOME/.cargo}/git"
CMD ["rg", "--version"]
