# The program takes its commit from the build info Go stamps from .git when no -ldflags stamp gives one (tailscale's version package).
FROM golang:1.25-alpine AS build
WORKDIR /go/src/app
COPY go.mod ./
RUN go mod download
COPY . .
ARG VERSION_GIT_HASH=""
RUN go install -ldflags="-X example.com/app/version.gitCommitStamp=$VERSION_GIT_HASH" -v ./cmd/app

FROM alpine:3.22
COPY --from=build /go/bin/app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
