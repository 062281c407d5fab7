# Only tool/gocross, another program of the repository, reads the commit Go stamps: ./cmd/app does not (tailscale's layout).
FROM golang:1.25-alpine AS build
WORKDIR /go/src/app
COPY go.mod ./
RUN go mod download
COPY . .
ARG VERSION=""
RUN go install -ldflags="-X main.version=$VERSION" -v ./cmd/app

FROM alpine:3.22
COPY --from=build /go/bin/app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
