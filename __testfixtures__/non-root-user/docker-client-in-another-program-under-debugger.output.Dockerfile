# The image runs the server under delve; the repository's integration runner, another program, drives Docker.
FROM golang:1.25-trixie AS builder
RUN go install github.com/go-delve/delve/cmd/dlv@latest
WORKDIR /go/src/headscale
COPY . .
RUN CGO_ENABLED=0 GOOS=linux go build -gcflags="all=-N -l" -o /go/bin/headscale ./cmd/headscale

FROM debian:trixie-slim
RUN apt-get --update install --no-install-recommends --yes ca-certificates \
  && apt-get dist-clean
COPY --from=builder /go/bin/headscale /usr/local/bin/headscale
COPY --from=builder /go/bin/dlv /usr/local/bin/dlv
RUN groupadd --system --gid 10001 app \
  && useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
ENTRYPOINT []
EXPOSE 8080/tcp 40000/tcp
CMD ["dlv", "--listen=0.0.0.0:40000", "--headless=true", "--api-version=2", "--accept-multiclient", "exec", "/usr/local/bin/headscale", "--"]
