FROM rust:1.77 AS build
WORKDIR /usr/src/app
ADD Cargo.* ./
ADD scripts/* /usr/local/bin/
RUN cargo fetch
