FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y curl gnupg ca-certificates \
    && curl -fsSL https://deb.nodesource.com/gpgkey/nodesource.gpg.key | gpg --dearmor -o /usr/share/keyrings/nodesource.gpg
RUN apt-get update && apt-get install --no-install-recommends -y wget
RUN wget -q https://example.com/tool.tar.gz && tar -xzf tool.tar.gz
