FROM golang:1.22-alpine AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /go/bin/frontend .

FROM gcr.io/distroless/static
COPY --from=builder /go/bin/frontend /src/server
COPY ./templates ./templates
ENTRYPOINT ["/src/server"]
