FROM rust:1.80-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release

FROM debian:bookworm-slim
COPY --from=build /src/target/release/logship /usr/local/bin/logship
ENTRYPOINT ["/usr/local/bin/logship"]
