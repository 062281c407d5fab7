FROM rust:1.89
WORKDIR /usr/src/app
COPY . .
RUN cargo build --release
CMD ["./target/release/shipping"]
