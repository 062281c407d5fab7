FROM golang:1.22-alpine AS build
WORKDIR /tmp/gobuild
COPY . .
ARG VERSION=dev
RUN go build -ldflags="-X main.version=$VERSION" -o entrypoint ./cmd/app

FROM alpine:3.20
COPY --from=build /tmp/gobuild/entrypoint /app-entrypoint
ENTRYPOINT ["/app-entrypoint"]
