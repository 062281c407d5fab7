# crt-static turned off: the binary links musl dynamically, and no distroless image has musl.
FROM rust:1.89-alpine3.22 AS compiler
RUN apk add --no-cache build-base
ENV RUSTFLAGS="-C target-feature=-crt-static"
WORKDIR /src
COPY . .
RUN cargo build --release

FROM alpine:3.22
COPY --from=compiler /src/target/release/app /bin/app
ENTRYPOINT ["/bin/app"]
