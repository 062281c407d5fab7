FROM golang:1.22-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-dev
RUN apt-get install -y --no-install-recommends gcc
WORKDIR /src
COPY . .
RUN go build -o /out/app ./cmd/app

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libsqlite3-0
COPY --from=build /out/app /usr/local/bin/app
ENTRYPOINT ["app"]
