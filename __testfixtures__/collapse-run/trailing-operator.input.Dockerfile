FROM ubuntu:20.04
RUN apt-get update && \
    apt-get install -y \
        curl \
        unzip && \
    rm -rf /var/lib/apt/lists/*
RUN curl -fsSL https://example.com/tool.zip -o /tmp/tool.zip && \
    unzip /tmp/tool.zip -d /opt/tool
RUN rm /tmp/tool.zip
