ARG GOLANG_VERSION
ARG ALPINE_VERSION

FROM docker.io/golang:${GOLANG_VERSION}-alpine${ALPINE_VERSION}
WORKDIR /src/app
COPY . /src/app
ENTRYPOINT ["go", "run", "main.go"]
