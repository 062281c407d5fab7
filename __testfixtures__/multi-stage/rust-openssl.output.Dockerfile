FROM rust:1.80-bookworm AS build
WORKDIR /usr/src/notifier
COPY . .
RUN cargo install --path .

FROM gcr.io/distroless/cc-debian12
WORKDIR /usr/src/notifier
COPY --from=build /usr/local/cargo/bin/notifier /usr/local/bin/notifier
CMD ["notifier"]
