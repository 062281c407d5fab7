FROM alpine:3.19
RUN apk update && apk search -x curl && apk add x
RUN apk update || true && apk add --no-cache y
RUN apk update --repository http://dl-cdn.alpinelinux.org/alpine/edge/testing && apk add z
