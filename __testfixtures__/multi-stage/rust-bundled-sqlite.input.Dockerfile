FROM rust:1.79-bookworm
WORKDIR /usr/src/notes
COPY . .
RUN cargo build --release
VOLUME /data
CMD ["./target/release/notes", "--db", "/data/notes.db"]
