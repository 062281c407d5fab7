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

EXPOSE  7700/tcp
ENTRYPOINT ["tini", "--"]
CMD     ["/bin/searchd"]
