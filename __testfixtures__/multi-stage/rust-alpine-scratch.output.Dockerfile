FROM rust:1-alpine AS build
RUN apk add --no-cache musl-dev
WORKDIR /usr/src/notes
COPY . .
RUN cargo build --release

FROM scratch
WORKDIR /usr/src/notes
COPY --from=build /usr/src/notes/target/release/notes /usr/src/notes/target/release/notes
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
VOLUME /data
CMD ["/usr/src/notes/target/release/notes", "--db", "/data/notes.db"]
