# The webdav server comes from its own module; the context's go.mod (a cgo project) is not what it builds.
FROM golang:1-alpine

WORKDIR "/webdav"

RUN go install github.com/hacdias/webdav@latest

EXPOSE 80

COPY /docker/dummy/webdav/config.yml /webdav/config.yml

CMD webdav -c /webdav/config.yml
