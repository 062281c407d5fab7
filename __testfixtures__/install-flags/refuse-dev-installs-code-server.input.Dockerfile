FROM ubuntu:24.04

ARG CODE_RELEASE=4.96.4
RUN apt-get update && \
  apt-get install -y \
    curl \
    git \
    sudo && \
  mkdir -p /app/code-server && \
  curl -fL -o /tmp/code-server.tar.gz \
    "https://github.com/coder/code-server/releases/download/v${CODE_RELEASE}/code-server-${CODE_RELEASE}-linux-amd64.tar.gz" && \
  tar xf /tmp/code-server.tar.gz -C /app/code-server --strip-components=1 && \
  rm -rf /tmp/* /var/lib/apt/lists/*

EXPOSE 8443
CMD ["/app/code-server/bin/code-server", "--bind-addr", "0.0.0.0:8443"]
