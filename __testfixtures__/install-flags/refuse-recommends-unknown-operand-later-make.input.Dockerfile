FROM ubuntu:24.04
ARG EXTRA_PACKAGES
COPY . /src
RUN apt-get update \
    && apt-get install -y ca-certificates ${EXTRA_PACKAGES} \
    && make -C /src install \
    && rm -rf /var/lib/apt/lists/*
