FROM rust:1-alpine
RUN apk add --no-cache musl-dev
WORKDIR /usr/src/notes
COPY . .
RUN cargo build --release
VOLUME /data
CMD ["/usr/src/notes/target/release/notes", "--db", "/data/notes.db"]
