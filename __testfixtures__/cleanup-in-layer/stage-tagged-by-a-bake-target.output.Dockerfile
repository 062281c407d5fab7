FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app ./cmd/app

FROM debian:bookworm-slim AS app
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates tzdata && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/app /usr/local/bin/app
CMD ["app"]

FROM golang:1.22-bookworm AS lint
RUN apt-get update && apt-get install -y --no-install-recommends shellcheck
COPY . /src
RUN cd /src && go vet ./...

FROM debian:bookworm AS debug
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates gdb
COPY --from=build /out/app /usr/local/bin/app
CMD ["gdb", "/usr/local/bin/app"]
