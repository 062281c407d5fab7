# syntax=docker/dockerfile:1

FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=linux go build -ldflags="-s -w" -o /out/server ./cmd/server

FROM alpine:3.19
RUN apk add ca-certificates tzdata
COPY --from=build /out/server /usr/local/bin/server
USER nobody
EXPOSE 8080
ENTRYPOINT /usr/local/bin/server
