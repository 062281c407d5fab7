# the tar in the subshell runs in /opt/plugins, which the build leaves to root, not in the working folder under /tmp
FROM alpine:3.20
RUN apk add --no-cache build-base && mkdir -p /opt/plugins && chmod 755 /opt/plugins
COPY build /usr/bin
WORKDIR /tmp/work
ENTRYPOINT ["/usr/bin/build"]
