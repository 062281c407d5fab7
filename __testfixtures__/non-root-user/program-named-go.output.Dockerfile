FROM golang:1.22-alpine AS builder
WORKDIR /src
COPY . .
RUN go build -o /out/go ./cmd/go

FROM alpine:3.20
COPY --from=builder /out/go /usr/bin/go
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
ENTRYPOINT ["go"]
