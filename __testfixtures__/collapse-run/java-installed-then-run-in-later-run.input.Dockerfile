FROM ubuntu:22.04

RUN set -eux; \
    java -version
RUN set -eux; \
    ln -s /opt/java/openjdk/bin/java /usr/local/bin/java; \
    java --version
