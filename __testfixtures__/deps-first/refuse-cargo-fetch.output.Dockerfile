FROM rust:1.79 AS base
WORKDIR /code
COPY . /code
RUN cargo fetch
RUN cargo build --release --offline
CMD ["/code/target/release/backend"]
