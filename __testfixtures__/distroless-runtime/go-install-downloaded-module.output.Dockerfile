# ddns is built from the module go install downloads; the context's cgo project is not what it builds.
FROM golang:1.22-alpine AS build
RUN go install github.com/skibish/ddns@latest

FROM gcr.io/distroless/static-debian13
COPY --from=build /go/bin/ddns /usr/local/bin/ddns
CMD ["ddns", "-conf-file", "/config/ddns.yml"]
