# syntax=docker/dockerfile:1
FROM rust:1.80
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    cargo install --path . --root /usr/local
CMD ["app"]
