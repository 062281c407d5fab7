# The program delve runs drives Docker itself: it needs the socket.
FROM golang:1.25-trixie AS builder
RUN go install github.com/go-delve/delve/cmd/dlv@latest
WORKDIR /go/src/reaper
COPY . .
RUN CGO_ENABLED=0 GOOS=linux go build -gcflags="all=-N -l" -o /go/bin/reaper ./cmd/reaper

FROM debian:trixie-slim
RUN apt-get --update install --no-install-recommends --yes ca-certificates \
  && apt-get dist-clean
COPY --from=builder /go/bin/reaper /usr/local/bin/reaper
COPY --from=builder /go/bin/dlv /usr/local/bin/dlv
ENTRYPOINT []
EXPOSE 8080/tcp 40000/tcp
CMD ["dlv", "--listen=0.0.0.0:40000", "--headless=true", "--api-version=2", "--accept-multiclient", "exec", "/usr/local/bin/reaper", "--"]
