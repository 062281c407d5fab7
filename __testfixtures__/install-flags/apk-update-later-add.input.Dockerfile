FROM alpine:3.19
RUN apk update && apk add --no-cache curl
RUN apk add git
RUN apk del curl
