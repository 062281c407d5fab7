FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

FROM alpine:3.20
COPY --from=build /app /app
ENV BIND_ADDRESS=0.0.0.0:8080 UPSTREAM_ADDR=backend:80
ENTRYPOINT ["/app"]
