from golang:1.22-alpine3.20
workdir /src
copy . .
run go install ./cmd/relay
expose 9000
cmd ["relay"]
