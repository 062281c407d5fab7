FROM golang:1.26-alpine AS build
WORKDIR /src
COPY . .
RUN go build -ldflags "-X main.commit=$(git rev-parse HEAD)" -o .bin/app ./cmd/app

FROM alpine:3.23
RUN apk --no-cache add su-exec
WORKDIR /app
COPY docker ./docker
COPY --from=build /src/.bin/app .
ENTRYPOINT ["/app/docker/start.sh"]
CMD ["/app/app"]
