FROM debian:bookworm-slim
# Trace the install in the build log.
RUN set -x \
  && apt-get update \
  && apt-get install -y --no-install-recommends jq \
  && rm -rf /var/lib/apt/lists/* \
  && groupadd --system app && useradd --system --gid app app
ENTRYPOINT ["jq"]
