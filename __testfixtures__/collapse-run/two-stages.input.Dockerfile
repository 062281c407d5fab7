FROM golang:1.22 AS build
WORKDIR /src
RUN go env -w GOFLAGS=-mod=mod
RUN go build -o /out/app ./cmd/app

FROM gcr.io/distroless/base-debian12
RUN ["/busybox/sh", "-c", "true"]
COPY --from=build /out/app /app
