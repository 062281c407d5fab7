FROM golang:1.22-alpine AS build
WORKDIR /tmp/gobuild
COPY . .
ARG VERSION=dev
RUN go build -ldflags="-X main.version=$VERSION" -o entrypoint ./cmd/app

FROM alpine:3.20
COPY --from=build /tmp/gobuild/entrypoint /app-entrypoint
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
ENTRYPOINT ["/app-entrypoint"]
