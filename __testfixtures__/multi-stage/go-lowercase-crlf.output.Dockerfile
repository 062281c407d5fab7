from golang:1.22-alpine3.20 as build
workdir /src
copy . .
run CGO_ENABLED=0 go install ./cmd/relay

from gcr.io/distroless/static-debian13
workdir /src
copy --from=build /go/bin/relay /usr/local/bin/relay
expose 9000
cmd ["relay"]
