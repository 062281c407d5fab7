FROM debian:bookworm
RUN apt-get update && apt-get install -y curl gnupg \
    && curl -fsSL https://deb.nodesource.com/gpgkey/nodesource.gpg.key | gpg --dearmor -o /usr/share/keyrings/nodesource.gpg
RUN apt-get update && apt-get install -y wget
RUN wget -q https://example.com/tool.tar.gz && tar -xzf tool.tar.gz
