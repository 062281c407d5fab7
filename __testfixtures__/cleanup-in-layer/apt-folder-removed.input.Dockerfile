FROM ubuntu:22.04
RUN apt-get update -qq \
  && apt-get -qqq install --no-install-recommends -y python3 \
  && apt-get clean \
  && rm -rf /var/lib/apt
