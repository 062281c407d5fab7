FROM rust:1.80-alpine3.20 AS build
RUN apk add --no-cache musl-dev
WORKDIR /usr/src/notes
COPY . .
# The host target of rust:*-alpine is x86_64-unknown-linux-musl: the binary links musl in.
RUN cargo build --release

FROM alpine:3.20
WORKDIR /usr/src/notes
COPY --from=build /usr/src/notes/target/release/notes /usr/src/notes/target/release/notes
VOLUME /data
CMD ["./target/release/notes", "--db", "/data/notes.db"]
