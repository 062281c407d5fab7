# The value holds more than a program: the shell splits it into words, which dockshift does not follow.
FROM ghcr.io/acme/runtime:2
ENV APP="/usr/local/bin/server --port 8080"
COPY server /usr/local/bin/server
ENTRYPOINT $APP
