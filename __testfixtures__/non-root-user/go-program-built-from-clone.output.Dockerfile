# A relay built from another project's sources for the integration tests, not from this project's.
FROM golang:1.22-alpine AS build-env
WORKDIR /go/src
RUN apk add --no-cache git
ARG VERSION_BRANCH=main
RUN git clone https://github.com/example/metrics-relay.git --branch=$VERSION_BRANCH --depth=1
WORKDIR /go/src/metrics-relay
RUN go install -v ./cmd/relay

FROM alpine:3.20
RUN apk add --no-cache ca-certificates curl
COPY --from=build-env /go/bin/* /usr/local/bin/
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
ENTRYPOINT [ "/usr/local/bin/relay" ]
