FROM alpine:3.20
RUN apk add --no-cache curl
# test: curl --version
RUN curl --version
