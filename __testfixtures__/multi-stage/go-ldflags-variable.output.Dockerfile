FROM golang:1.23-bookworm AS build
ARG VERSION=dev
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -tags netgo -ldflags="-s -w -X main.version=${VERSION}" -o /usr/local/bin/worker ./cmd/worker

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /usr/local/bin/worker /usr/local/bin/worker
CMD ["worker"]
