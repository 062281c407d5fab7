# rust:*-alpine builds for its host, musl, whose targets link musl in by default: a static binary.
FROM rust:1.89-alpine3.22 AS compiler
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY . .
RUN cargo build --release

FROM gcr.io/distroless/static-debian13
COPY --from=compiler /src/target/release/app /bin/app
ENTRYPOINT ["/bin/app"]
