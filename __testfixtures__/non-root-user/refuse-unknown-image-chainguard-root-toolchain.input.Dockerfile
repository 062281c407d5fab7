FROM cgr.dev/chainguard/go:latest
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/server ./cmd/server
ENTRYPOINT ["/usr/local/bin/server"]
