FROM rust:1.80-bookworm
WORKDIR /app
COPY . .
RUN cd server && cargo build --release
CMD ["./server/target/release/api"]
