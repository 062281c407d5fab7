FROM debian:bookworm
RUN apt-get update
RUN set -e; apt-get install -y curl; curl --version
RUN mkdir /data
RUN chmod 700 /data
