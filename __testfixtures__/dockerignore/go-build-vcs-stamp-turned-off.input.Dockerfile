# -buildvcs=false: Go records nothing of the repository, so the program cannot read it.
FROM golang:1.25-alpine AS build
WORKDIR /go/src/app
COPY go.mod ./
RUN go mod download
COPY . .
ARG VERSION_GIT_HASH=""
RUN go install -buildvcs=false -ldflags="-X example.com/app/version.gitCommitStamp=$VERSION_GIT_HASH" -v ./cmd/app

FROM alpine:3.22
COPY --from=build /go/bin/app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
