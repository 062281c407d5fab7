# The ENV takes tini from a build argument's default, which the `-c` string runs: an init in the command of a plain build.
FROM debian:bookworm-slim
ARG INIT=/usr/bin/tini
ENV INIT=${INIT}
ENTRYPOINT ["sh", "-c", "\"$INIT\" -- server"]
