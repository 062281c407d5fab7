FROM debian:bookworm-slim
ARG WITH_GIT=0
RUN apt-get update && apt-get install -y --no-install-recommends curl
# Each later update runs before its install whenever that install runs: first of its line (`|| true` does
# not make it conditional), or before it in the same list of an `if` or a subshell.
RUN apt-get update || true && apt-get install -y --no-install-recommends ca-certificates
RUN if [ "$WITH_GIT" = 1 ]; then apt-get update; apt-get install -y --no-install-recommends git; fi
RUN (apt-get update; apt-get install -y --no-install-recommends wget)
