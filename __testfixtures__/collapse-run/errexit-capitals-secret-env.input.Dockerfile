FROM python:3.12
RUN --mount=type=secret,id=arch,env=ARCH set -eux; \
    ARCH="$(dpkg --print-architecture)"; \
    wget -O /tmp/tool "https://example.com/tool-$ARCH"
RUN --mount=type=secret,id=arch,env=ARCH set -eux; \
    make install
