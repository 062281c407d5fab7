FROM python:3.12-bookworm
ADD https://github.com/jqlang/jq/releases/download/jq-1.7.1/jq-1.7.1.tar.gz /tmp
RUN tar -xzf /tmp/jq-1.7.1.tar.gz -C /opt && rm /tmp/jq-1.7.1.tar.gz

FROM python:3.12-bookworm AS tool
ADD https://example.com/releases/tool-2.0.tar.gz /opt/tool
RUN tar -xzf /opt/tool -C /usr/local && rm /opt/tool

FROM python:3.12-bookworm AS replaced
RUN rm -f /opt/tool.tar.gz
ADD https://example.com/releases/tool-2.0.tar.gz /opt/tool.tar.gz
RUN tar -xzf /opt/tool.tar.gz -C /usr/local && rm /opt/tool.tar.gz
