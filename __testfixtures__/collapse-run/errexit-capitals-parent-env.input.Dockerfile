FROM ubuntu:22.04 AS base
ENV BINARY_URL=https://example.com/openjdk.tar.gz

FROM base
RUN set -eux; \
    ARCH="$(dpkg --print-architecture)"; \
    case "${ARCH}" in \
       amd64) BINARY_URL='https://github.com/adoptium/temurin17-binaries/releases/download/jdk-17.0.13%2B11/OpenJDK17U-jdk_x64_linux_hotspot_17.0.13_11.tar.gz' ;; \
       arm64) BINARY_URL='https://github.com/adoptium/temurin17-binaries/releases/download/jdk-17.0.13%2B11/OpenJDK17U-jdk_aarch64_linux_hotspot_17.0.13_11.tar.gz' ;; \
       *) echo "Unsupported arch: ${ARCH}"; exit 1 ;; \
    esac; \
    wget --progress=dot:giga -O /tmp/openjdk.tar.gz ${BINARY_URL}; \
    mkdir -p /opt/java/openjdk; \
    tar --extract --file /tmp/openjdk.tar.gz --directory /opt/java/openjdk --strip-components 1; \
    rm -f /tmp/openjdk.tar.gz
RUN set -eux; \
    echo "java --version"; /opt/java/openjdk/bin/java --version

CMD ["jshell"]
