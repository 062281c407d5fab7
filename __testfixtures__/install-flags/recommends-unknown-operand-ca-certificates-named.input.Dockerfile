FROM ubuntu:24.04
ARG EXTRA_PACKAGES
RUN apt-get update \
    && apt-get install -y ca-certificates curl ${EXTRA_PACKAGES} \
    && curl -fsSL https://github.com/Kitware/CMake/releases/download/v3.31.2/cmake-3.31.2-linux-x86_64.tar.gz | tar xz -C /usr/local --strip-components 1 \
    && rm -rf /var/lib/apt/lists/*
