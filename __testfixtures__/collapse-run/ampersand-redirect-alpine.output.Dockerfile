FROM alpine:3.20
RUN apk add --no-cache make &> /dev/null && \
    make -v &> /dev/null
