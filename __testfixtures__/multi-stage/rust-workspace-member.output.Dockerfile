# a workspace member builds into the workspace root's target folder
FROM rust:1.79 AS build
WORKDIR /src
COPY . .
WORKDIR /src/api
RUN cargo build --release

FROM debian:bookworm-slim
WORKDIR /src/api
COPY --from=build /src/target/release/api /src/target/release/api
CMD ["/src/target/release/api"]
