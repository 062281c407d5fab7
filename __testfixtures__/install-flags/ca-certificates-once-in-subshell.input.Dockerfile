FROM debian:bookworm
RUN ( apt-get update \
  && apt-get install -y curl \
  && apt-get install -y wget ) \
  && wget https://example.com/x.tgz
