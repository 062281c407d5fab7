FROM golang:1.22 AS build
COPY . /src/relay
WORKDIR /src/relay
ARG GOARCH=amd64
RUN make clean && make BUILD_IN_CONTAINER=false GOARCH=${GOARCH} cmd/docker-relay/docker-relay

FROM alpine:3.20
COPY --from=build /src/relay/cmd/docker-relay/docker-relay /bin/docker-relay
ENTRYPOINT ["/bin/docker-relay"]
