# The ENV takes its value from a build argument: `--build-arg APP=/sbin/init` names another program, which bash, if
# /bin/sh is bash, would make PID 1.
FROM ghcr.io/acme/runtime:2
ARG APP=/usr/local/bin/server
ENV APP=$APP
COPY server /usr/local/bin/server
ENTRYPOINT $APP
