FROM rust:1.80
WORKDIR /app
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && echo 'fn main() {}' > src/main.rs && cargo fetch
COPY src ./src
RUN cargo build --release --frozen
CMD ["./target/release/app"]
