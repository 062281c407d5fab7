FROM rust:1.77 AS build
WORKDIR /usr/src/app
ADD Cargo.* ./
# the ignore file keeps scripts/backup.tar.gz out of the context
ADD scripts/* /usr/local/bin/
ADD config/*.toml /etc/app/
RUN cargo fetch
