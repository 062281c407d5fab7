FROM gcr.io/distroless/base-debian12:debug
COPY server /server
ENTRYPOINT ["/busybox/sh", "-c", "/server --migrate; /server"]
