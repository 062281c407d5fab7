FROM golang:1.23-bookworm
ARG VERSION=dev
WORKDIR /src
COPY . .
RUN go build -tags netgo -ldflags="-s -w -X main.version=${VERSION}" -o /usr/local/bin/worker ./cmd/worker
CMD ["worker"]
