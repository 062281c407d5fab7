FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/volume-driver .

FROM alpine:3.20
RUN apk add --no-cache ca-certificates
COPY --from=build /out/volume-driver /bin/volume-driver
ENTRYPOINT ["/bin/volume-driver"]
