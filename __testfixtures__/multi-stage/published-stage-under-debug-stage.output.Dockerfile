FROM golang:1.23-bookworm AS app
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/app .
CMD ["app"]

FROM app AS debug
RUN go install github.com/go-delve/delve/cmd/dlv@latest
CMD ["dlv", "exec", "/usr/local/bin/app", "--headless", "--listen=:2345"]
