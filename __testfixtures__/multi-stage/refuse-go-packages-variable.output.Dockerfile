FROM golang:1.23-bookworm
ARG CMD_PATH=./cmd/worker
WORKDIR /src
COPY . .
RUN go build -ldflags "-X main.commit=$(git rev-parse --short HEAD)" -o /usr/local/bin/worker "$CMD_PATH"
CMD ["worker"]
