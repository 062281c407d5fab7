FROM rust:1.77
RUN apt-get update && apt-get install -y libc6-dev
WORKDIR /usr/src/app
COPY . .
RUN cargo install --path .
CMD ["myapp"]
