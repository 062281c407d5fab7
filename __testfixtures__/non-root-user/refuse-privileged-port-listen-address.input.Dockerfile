FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

FROM alpine:3.20
COPY --from=build /app /app
ENV LISTEN_ADDR=:80
ENTRYPOINT ["/app"]
