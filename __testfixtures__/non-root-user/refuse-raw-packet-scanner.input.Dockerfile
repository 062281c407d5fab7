FROM alpine:3.20
RUN apk add --no-cache masscan
ENTRYPOINT [ "masscan" ]
