FROM golang:1.22-bookworm
WORKDIR /src
COPY server/ ./
RUN CGO_ENABLED=0 go build
CMD ["./api"]
