# a release tool that builds images through the Docker CLI, taken from the docker image by a stage alias
FROM docker:27-cli-alpine3.20 AS docker

FROM golang:1.23-alpine
RUN apk add --no-cache git make
COPY --from=docker /usr/local/bin/docker /usr/bin/docker
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
