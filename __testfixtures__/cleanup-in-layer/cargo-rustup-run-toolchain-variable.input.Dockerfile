FROM rust:1.80-slim-bookworm
ARG TOOLCHAIN=stable
RUN rustup run "$TOOLCHAIN" cargo install ripgrep --locked
CMD ["rg", "--version"]
