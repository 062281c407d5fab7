FROM golang:1.22-bookworm AS builder
WORKDIR /src
COPY . .
RUN env CGO_ENABLED=0 GOOS=linux go build -o /go/bin/app ./cmd/app

FROM gcr.io/distroless/static-debian12
COPY --from=builder /go/bin/app /usr/local/bin/app
USER 65532
ENTRYPOINT ["app"]
