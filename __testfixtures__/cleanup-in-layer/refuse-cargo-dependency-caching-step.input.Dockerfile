FROM rust:1.80-slim-bookworm
WORKDIR /app
# Build the dependencies alone first, so that a change of src/ reuses this layer
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && echo 'fn main() {}' > src/main.rs && cargo build --release && rm -rf src
COPY src ./src
RUN touch src/main.rs && cargo build --release
CMD ["./target/release/app"]
