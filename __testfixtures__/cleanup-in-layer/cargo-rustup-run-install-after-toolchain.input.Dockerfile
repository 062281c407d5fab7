FROM rust:1.80-slim-bookworm
RUN rustup run nightly --install cargo install ripgrep --locked
CMD ["rg", "--version"]
