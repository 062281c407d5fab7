FROM debian:bookworm-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]

RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/{apt,cache,log}

EXPOSE 8181
ENTRYPOINT ["/usr/bin/server"]
