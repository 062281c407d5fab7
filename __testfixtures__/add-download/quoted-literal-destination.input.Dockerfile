FROM python:3.12
ADD 'https://example.com/dist/tool.tar.gz' "/tmp/tool.tgz"
RUN tar -xzf /tmp/tool.tgz -C /opt && rm /tmp/tool.tgz
