FROM ubuntu:22.04

RUN set -eux; \
    java -version; \
    tar --extract --file /tmp/openjdk.tar.gz --directory /usr/local --strip-components 1
RUN set -eux; \
    java --version
