# go install of the context's own package builds its module: it needs cgo.
FROM golang:1
WORKDIR /src
COPY . .
RUN go install .
CMD ["photoprism"]
