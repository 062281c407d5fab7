# The webdav server comes from a module go downloads: whether it needs cgo, which golang:1-alpine cannot give it, is not known.
FROM golang:1

WORKDIR "/webdav"

RUN go install github.com/hacdias/webdav@latest

EXPOSE 80

COPY /docker/dummy/webdav/config.yml /webdav/config.yml

CMD webdav -c /webdav/config.yml
