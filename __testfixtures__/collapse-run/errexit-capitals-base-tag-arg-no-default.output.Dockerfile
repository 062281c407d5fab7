ARG PYTHON_VERSION
FROM python:${PYTHON_VERSION}-slim-bookworm

RUN set -eux; \
    ARCH="$(dpkg --print-architecture)"; \
    case "${ARCH}" in \
       amd64) TINI_ARCH='amd64' ;; \
       arm64) TINI_ARCH='arm64' ;; \
       *) echo "Unsupported arch: ${ARCH}"; exit 1 ;; \
    esac; \
    wget -O /usr/local/bin/tini "https://github.com/krallin/tini/releases/download/v0.19.0/tini-${TINI_ARCH}"; \
    chmod +x /usr/local/bin/tini; \
    set -eux; \
    tini --version

ENTRYPOINT ["tini", "--"]
