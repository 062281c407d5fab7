FROM golang:1.23-alpine AS build
WORKDIR /src
COPY . .
RUN go build -o /out/svc .

FROM alpine:3.20
COPY --from=build /out/svc /usr/local/bin/svc
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
USER 65534
ENTRYPOINT ["svc"]
