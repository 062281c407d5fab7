# The webdav server comes from a module go downloads, built with cgo turned off: what it imports does not matter.
FROM golang:1-alpine

ENV CGO_ENABLED=0
WORKDIR "/webdav"

RUN go install github.com/hacdias/webdav@latest

EXPOSE 80

COPY /docker/dummy/webdav/config.yml /webdav/config.yml

CMD webdav -c /webdav/config.yml
