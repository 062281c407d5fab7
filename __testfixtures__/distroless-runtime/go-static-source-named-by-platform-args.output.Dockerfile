FROM golang:1.22-bookworm AS builder
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/$TARGETOS/$TARGETARCH/app ./cmd/app

FROM gcr.io/distroless/static-debian12
ARG TARGETOS
ARG TARGETARCH
COPY --from=builder /out/$TARGETOS/$TARGETARCH/app /usr/local/bin/
USER 65532
ENTRYPOINT ["app"]
