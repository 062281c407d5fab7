FROM ubuntu:22.04

ENV JAVA_HOME=/opt/java/openjdk
ENV PATH=$JAVA_HOME/bin:$PATH

RUN set -eux; \
    wget --progress=dot:giga -O /tmp/openjdk.tar.gz "${BINARY_URL}"; \
    mkdir -p "$JAVA_HOME"; \
    tar --extract --file /tmp/openjdk.tar.gz --directory "$JAVA_HOME" --strip-components 1 --no-same-owner; \
    rm -f /tmp/openjdk.tar.gz; \
    java -Xshare:dump;
RUN set -eux; \
    update-alternatives --install /usr/bin/java java /opt/java/openjdk/bin/java 2000
RUN set -eux; \
    java --version
