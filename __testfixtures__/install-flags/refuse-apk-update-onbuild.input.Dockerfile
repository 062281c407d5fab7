FROM alpine:3.19
RUN apk update && apk add --no-cache curl
# images built on this one add their packages from the index it leaves
ONBUILD RUN apk add jq
