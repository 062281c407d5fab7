FROM golang:1.22 AS build
WORKDIR /src
RUN go mod download
RUN go build -o /out/app ./cmd/app

FROM golang:1.22 AS test
RUN go vet ./...
RUN go test ./...

FROM debian:bookworm-slim
RUN groupadd -r app && \
    useradd -r -g app app
COPY --from=build /out/app /app
