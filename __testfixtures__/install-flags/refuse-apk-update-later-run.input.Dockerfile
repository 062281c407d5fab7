FROM alpine:3.19 AS base
RUN apk update && apk add --no-cache curl
# the index apk update left in the layer is what this reads
RUN apk upgrade

FROM base
RUN apk update && apk add --no-cache git
RUN ["apk", "info", "-vv"]
