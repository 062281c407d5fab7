FROM python:3.12
ADD https://example.com/dist/"tool.tar.gz" /tmp/
RUN tar -xzf /tmp/tool.tar.gz -C /opt && rm /tmp/tool.tar.gz
