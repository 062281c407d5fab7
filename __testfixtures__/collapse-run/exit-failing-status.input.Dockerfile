FROM debian:bookworm-slim
RUN arch="$(dpkg --print-architecture)" && \
    case "${arch##*-}" in \
      amd64) echo x86_64 > /etc/app-arch ;; \
      arm64) echo aarch64 > /etc/app-arch ;; \
      *) echo "unsupported architecture"; exit 1 ;; \
    esac
RUN mkdir -p /opt/app
CMD ["cat", "/etc/app-arch"]
