FROM rust:1.79-bookworm
WORKDIR /usr/src/api
COPY . .
RUN cargo build --release
EXPOSE 8000
CMD ["./target/release/api"]
