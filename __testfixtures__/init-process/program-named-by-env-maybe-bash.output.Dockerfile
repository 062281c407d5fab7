FROM alpine:3.24 AS tini
RUN apk add --no-cache tini-static

# A shell-form program named by a variable an ENV of the stage sets: the shell runs /usr/local/bin/server, judged as
# `ENTRYPOINT /usr/local/bin/server` is (where /bin/sh is not known, it counts as dash, which stays PID 1).
FROM ghcr.io/acme/runtime:2
COPY --from=tini /sbin/tini-static /sbin/tini
ENV APP=/usr/local/bin/server
COPY server /usr/local/bin/server
ENTRYPOINT ["/sbin/tini", "--", "/bin/sh", "-c", "$APP"]
