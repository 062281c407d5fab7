# syntax=docker/dockerfile:1
FROM golang:1.22-alpine AS builder
WORKDIR /code
ENV CGO_ENABLED=0
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o bin/backend main.go

FROM scratch
COPY --from=builder /code/bin/backend /usr/local/bin/backend
CMD ["/usr/local/bin/backend"]
