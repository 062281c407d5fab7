FROM golang:1.22-bookworm AS build

WORKDIR /go/src/hello
COPY . .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/hello .

FROM scratch
WORKDIR /go/src/hello
COPY --from=build /usr/local/bin/hello /usr/local/bin/hello
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt

EXPOSE 8080
CMD ["hello", "-addr", ":8080"]
