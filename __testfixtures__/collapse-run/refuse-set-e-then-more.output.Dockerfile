FROM debian:bookworm
RUN apt-get update && apt-get install -y ca-certificates && \
    { set -e; apt-get install -y curl; curl --version; }
RUN mkdir /data && \
    chmod 700 /data
