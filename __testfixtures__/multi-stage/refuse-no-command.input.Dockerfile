FROM golang:1.22-bookworm
WORKDIR /src
COPY . .
RUN go build -o /out/protoc-gen-demo ./cmd/protoc-gen-demo
