FROM golang:1.22-alpine AS builder
WORKDIR /src
COPY . .
RUN go build -o /out/go ./cmd/go

FROM alpine:3.20
COPY --from=builder /out/go /usr/bin/go
ENTRYPOINT ["go"]
