FROM golang:1.22 AS build
COPY . /src/relay
WORKDIR /src/relay
ARG GOARCH=amd64
RUN make clean && make BUILD_IN_CONTAINER=false GOARCH=${GOARCH} cmd/docker-relay/docker-relay

FROM alpine:3.20
COPY --from=build /src/relay/cmd/docker-relay/docker-relay /bin/docker-relay
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
ENTRYPOINT ["/bin/docker-relay"]
