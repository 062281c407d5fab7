FROM rust:1.77
WORKDIR /usr/src/app
COPY . .
# only downloads the crates: nothing is linked
RUN cargo fetch && cargo tree
CMD ["cargo", "--version"]
