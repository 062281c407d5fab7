FROM rust:1.80-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release

FROM gcr.io/distroless/cc-debian12
COPY --from=build /src/target/release/logship /usr/local/bin/logship
ENTRYPOINT ["/usr/local/bin/logship"]
