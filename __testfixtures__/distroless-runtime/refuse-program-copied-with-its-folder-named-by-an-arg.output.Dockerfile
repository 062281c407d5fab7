FROM golang:1.22-bookworm AS builder
ARG TARGETARCH
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/$TARGETARCH/ ./cmd/...

FROM alpine:3.19
ARG TARGETARCH
COPY --from=builder /out/$TARGETARCH/ /usr/local/bin/
ENTRYPOINT ["app"]
