FROM rust:1.79-bookworm AS build
WORKDIR /usr/src/notes
COPY . .
RUN cargo build --release

FROM debian:bookworm-slim
WORKDIR /usr/src/notes
COPY --from=build /usr/src/notes/target/release/notes /usr/src/notes/target/release/notes
VOLUME /data
CMD ["./target/release/notes", "--db", "/data/notes.db"]
