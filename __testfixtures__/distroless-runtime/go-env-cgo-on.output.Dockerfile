FROM golang:1.22-bookworm AS builder
WORKDIR /src
COPY . .
RUN env CGO_ENABLED=1 go build -o /go/bin/app ./cmd/app

FROM gcr.io/distroless/base-debian12
COPY --from=builder /go/bin/app /usr/local/bin/app
USER 65532
ENTRYPOINT ["app"]
