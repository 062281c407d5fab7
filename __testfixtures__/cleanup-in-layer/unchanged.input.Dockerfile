FROM alpine:3.20
RUN apk add --no-cache curl
RUN pip install --no-cache-dir requests

FROM debian:bookworm
RUN apt-get install -y --no-install-recommends curl
RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*
RUN yum install -y httpd || true; yum clean all
RUN npm ci && npm cache clean --force
RUN curl -fsSL https://example.com/x.tar.gz | tar -xz -C /opt
RUN curl -fsSL -o app.tgz https://example.com/app.tgz && tar -xzf app.tgz && rm -rf /tmp/* app.tgz
RUN npm --version && yarn --version
RUN rm -rf /tmp/*
