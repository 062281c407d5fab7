FROM rust:1.75-bookworm AS builder
WORKDIR /usr/src/app
COPY . .
RUN cargo build --release

FROM gcr.io/distroless/cc-debian12
COPY --from=builder /usr/src/app/target/release/server /usr/local/bin/server
CMD ["server", "--port", "8000"]
