FROM python:3.12
SHELL ["/bin/bash", "-a", "-c"]
RUN set -eux; \
    ARCH="$(dpkg --print-architecture)"; \
    wget -O /tmp/tool "https://example.com/tool-$ARCH"
RUN set -eux; \
    make install
