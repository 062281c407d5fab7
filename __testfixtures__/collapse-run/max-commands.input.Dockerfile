FROM alpine:3.19
RUN apk add --no-cache python3
RUN apk add --no-cache py3-pip
RUN apk add --no-cache git
RUN apk add --no-cache make gcc && \
    mkdir /build
RUN touch /build/.keep
