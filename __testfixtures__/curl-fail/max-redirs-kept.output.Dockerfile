FROM alpine:3.20
RUN apk add --no-cache curl
RUN curl --max-redirs 0 -fo /m https://e.com/m
