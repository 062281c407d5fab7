FROM rust:1.80-alpine3.20
RUN apk add --no-cache musl-dev
WORKDIR /usr/src/notes
COPY . .
# The host target of rust:*-alpine is x86_64-unknown-linux-musl: the binary links musl in.
RUN cargo build --release
VOLUME /data
CMD ["./target/release/notes", "--db", "/data/notes.db"]
