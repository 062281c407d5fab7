FROM alpine:3.19
RUN apk update && apk add --no-cache curl
RUN apk add git
RUN /bin/sh -c "echo ready" && /usr/local/bin/git --version
RUN apk del curl
