# the Cargo.toml above the crate is downloaded: whether it makes the crate a workspace member is not known
FROM rust:1.79
ADD https://example.com/workspace/Cargo.toml /src/Cargo.toml
COPY api /src/api
WORKDIR /src/api
RUN cargo build --release
CMD ["/src/target/release/api"]
