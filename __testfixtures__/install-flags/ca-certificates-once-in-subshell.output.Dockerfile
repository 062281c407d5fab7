FROM debian:bookworm
RUN ( apt-get update \
  && apt-get install --no-install-recommends -y curl ca-certificates \
  && apt-get install --no-install-recommends -y wget ) \
  && wget https://example.com/x.tgz
