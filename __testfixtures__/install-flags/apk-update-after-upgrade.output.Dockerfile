# Oracle's kibana image: the upgrade runs before the update, so it reads no fresh index and takes no --no-cache.
FROM alpine:3.20
RUN apk upgrade && apk add --no-cache wget netcat-openbsd
