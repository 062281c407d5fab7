FROM golang:1.22-bookworm AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/linux_amd64/app ./cmd/app

FROM gcr.io/distroless/static-debian12
COPY --from=builder /out/*/app /usr/local/bin/app
USER 65532
ENTRYPOINT ["app"]
