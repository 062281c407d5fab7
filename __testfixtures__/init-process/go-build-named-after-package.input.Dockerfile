FROM golang:1.22-alpine AS builder
ARG VERSION=dev
WORKDIR /app
COPY . /app
# no -o: go names the program after the package folder
RUN go build -ldflags="-X main.version=${VERSION}" ./cmd/server/.

FROM alpine:3.20
COPY --from=builder /app/docker-entrypoint.sh /bin
COPY --from=builder /app/server /bin
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["run"]
