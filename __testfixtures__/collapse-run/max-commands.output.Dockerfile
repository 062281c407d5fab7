FROM alpine:3.19
RUN apk add --no-cache python3 && \
    apk add --no-cache py3-pip && \
    apk add --no-cache git
RUN apk add --no-cache make gcc && \
    mkdir /build && \
    touch /build/.keep
