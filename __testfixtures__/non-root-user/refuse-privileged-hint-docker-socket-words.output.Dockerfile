FROM golang:1.26-alpine AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/agent ./cmd/agent

FROM alpine:3.23
RUN apk add --no-cache ca-certificates
COPY --from=builder /out/agent /usr/local/bin/agent
# The agent starts sibling containers through the Docker socket mounted from the host
ENTRYPOINT ["agent"]
