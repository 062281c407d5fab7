FROM rust:1.80-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release

FROM gcr.io/distroless/cc-debian12
COPY --from=build /src/target/release/server /usr/local/bin/server
ENTRYPOINT ["/usr/local/bin/server"]
