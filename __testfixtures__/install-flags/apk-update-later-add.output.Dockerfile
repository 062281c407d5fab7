FROM alpine:3.19
RUN apk add --no-cache curl
RUN apk add --no-cache git
RUN /bin/sh -c "echo ready" && /usr/local/bin/git --version
RUN apk del curl
