# syntax=docker/dockerfile:1
FROM golang:1.22-alpine AS builder
WORKDIR /code
ENV CGO_ENABLED=0
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o bin/server ./cmd/server && go build -o bin/redirector ./cmd/redirector

FROM scratch
COPY --from=builder /code/bin/server /usr/local/bin/server
USER 65532:65532
CMD ["/usr/local/bin/server"]
