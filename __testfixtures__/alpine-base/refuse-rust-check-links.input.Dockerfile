FROM rust:1.77
WORKDIR /usr/src/app
COPY . .
# check builds and links serde_derive, a proc-macro
RUN cargo fetch && cargo check --release
CMD ["cargo", "check", "--release"]
