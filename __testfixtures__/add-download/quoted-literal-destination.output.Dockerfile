FROM python:3.12
RUN curl -fsSL -o /tmp/tool.tgz https://example.com/dist/tool.tar.gz && tar -xzf /tmp/tool.tgz -C /opt && rm /tmp/tool.tgz
