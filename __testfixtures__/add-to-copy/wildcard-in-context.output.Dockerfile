FROM rust:1.77 AS build
WORKDIR /usr/src/app
COPY Cargo.* ./
# the ignore file keeps scripts/backup.tar.gz out of the context
COPY scripts/* /usr/local/bin/
COPY config/*.toml /etc/app/
RUN cargo fetch
