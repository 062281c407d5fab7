FROM alpine:3.19
RUN apk update && apk add --no-cache curl
# a remote installer may add packages from the index the update leaves
RUN curl -fsSL https://example.com/install.sh | /bin/sh -s -- --yes
