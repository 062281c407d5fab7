FROM golang:1.23-alpine AS build
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY . .
RUN go build -o /out/svc .

FROM alpine:3.20
COPY --from=build /out/svc /usr/local/bin/svc
USER 65534
ENTRYPOINT ["svc"]
