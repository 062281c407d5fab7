# An ENV names dumb-init, which the shell-form ENTRYPOINT runs: an init already in the command.
FROM debian:bookworm-slim
ENV INIT=/usr/bin/dumb-init
ENTRYPOINT $INIT server
