FROM rust:1.77-alpine
RUN apk add --no-cache musl-dev
WORKDIR /usr/src/app
COPY . .
RUN cargo install --path .
CMD ["myapp"]
