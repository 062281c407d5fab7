FROM rust:1-alpine
RUN apk add --no-cache musl-dev openssl-dev
WORKDIR /usr/src/notifier
COPY . .
RUN cargo install --path .
CMD ["notifier"]
