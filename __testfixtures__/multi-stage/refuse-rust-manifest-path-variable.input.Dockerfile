# which manifest cargo reads is a build argument
FROM rust:1.79
ARG CRATE=server
WORKDIR /app
COPY . .
RUN cargo build --release --manifest-path $CRATE/Cargo.toml
CMD ["/app/server/target/release/api"]
