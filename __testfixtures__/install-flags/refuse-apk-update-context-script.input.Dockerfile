FROM alpine:3.19 AS base
RUN apk update && apk add curl
COPY setup.sh /usr/local/src/setup.sh
RUN /usr/local/src/setup.sh

FROM base
RUN apk update && apk add --no-cache git build-base
RUN git clone https://github.com/example/tool /build/tool \
    && cd /build/tool \
    && ./bootstrap \
    && make install
