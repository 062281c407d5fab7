FROM debian:bookworm
SHELL ["/bin/bash", "-O", "extglob", "-eo", "pipefail", "-c"]
RUN apt-get update && apt-get install -y curl && \
    curl -fsSL https://example.com/install.sh | bash && \
    { mkdir -p /opt/a; mkdir -p /opt/b; }
RUN touch /opt/a/.keep
