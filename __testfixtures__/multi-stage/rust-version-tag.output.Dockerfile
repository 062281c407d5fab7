FROM rust:1.77 AS build
WORKDIR /usr/src/myapp
COPY . .
RUN cargo install --path .

FROM debian:bookworm-slim
WORKDIR /usr/src/myapp
COPY --from=build /usr/local/cargo/bin/myapp /usr/local/bin/myapp
CMD ["myapp"]
