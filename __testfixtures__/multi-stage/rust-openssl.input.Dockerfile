FROM rust:1.80-bookworm
WORKDIR /usr/src/notifier
COPY . .
RUN cargo install --path .
CMD ["notifier"]
