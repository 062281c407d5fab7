FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

FROM alpine:3.20
COPY --from=build /app /app
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
ENV BIND_ADDRESS=0.0.0.0:8080 UPSTREAM_ADDR=backend:80
ENTRYPOINT ["/app"]
