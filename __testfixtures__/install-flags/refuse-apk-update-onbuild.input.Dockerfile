FROM alpine:3.19
# images built on this one add their packages from the index the update leaves
ONBUILD RUN apk add jq
RUN apk update && apk add --no-cache curl
