# a workspace member builds into the workspace root's target folder
FROM rust:1.79
WORKDIR /src
COPY . .
WORKDIR /src/api
RUN cargo build --release
CMD ["/src/target/release/api"]
