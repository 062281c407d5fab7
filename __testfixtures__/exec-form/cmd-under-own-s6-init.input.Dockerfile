FROM alpine:3.20
RUN apk add --no-cache s6-overlay samba
COPY rootfs /
# s6-overlay's /init sets up the services, then runs the CMD as its child
ENTRYPOINT ["/init"]
CMD smbd --foreground --no-process-group
