FROM alpine:3.19 AS base
RUN apk update && apk add --no-cache curl

FROM base
# the index the update above left in the base layer is what this reads
RUN apk upgrade
RUN apk update && apk add --no-cache git
RUN ["apk", "info", "-vv"]
RUN apk update && apk add --no-cache jq && sh -c 'apk add yq'
