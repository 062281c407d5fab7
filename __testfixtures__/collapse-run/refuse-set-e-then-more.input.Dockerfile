FROM debian:bookworm
RUN apt-get update && apt-get install -y ca-certificates
RUN set -e; apt-get install -y curl; curl --version
RUN mkdir /data
RUN chmod 700 /data
