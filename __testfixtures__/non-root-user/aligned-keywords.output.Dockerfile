# Build
FROM    rust:1.82-alpine3.20 AS build
RUN     apk add -q --no-cache build-base
WORKDIR /src
COPY    . .
RUN     cargo build --release

# Run
FROM    alpine:3.20
RUN     apk add -q --no-cache libgcc tini
COPY    --from=build /src/target/release/searchd /bin/searchd

# The index lives here.
WORKDIR /data
RUN     addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app && chown -R 10001:10001 /data
USER    10001:10001

EXPOSE  7700/tcp
ENTRYPOINT ["tini", "--"]
CMD     ["/bin/searchd"]
