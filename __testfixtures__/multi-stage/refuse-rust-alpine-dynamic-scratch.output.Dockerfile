FROM rust:1-alpine
RUN apk add --no-cache musl-dev
# crt-static off: the binary links musl dynamically, which scratch does not have.
ENV RUSTFLAGS="-C target-feature=-crt-static"
WORKDIR /usr/src/notes
COPY . .
RUN cargo build --release
CMD ["/usr/src/notes/target/release/notes"]
