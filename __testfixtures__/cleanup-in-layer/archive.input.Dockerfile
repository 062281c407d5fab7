FROM debian:bookworm-slim
ARG VERSION=1.8.2
RUN curl -fsSL -o /tmp/node_exporter.tar.gz https://github.com/prometheus/node_exporter/releases/download/v1.8.2/node_exporter-1.8.2.linux-amd64.tar.gz \
    && tar -xzf /tmp/node_exporter.tar.gz -C /usr/local/bin --strip-components=1
RUN cd /opt && wget https://downloads.apache.org/maven/maven-3/3.9.9/binaries/apache-maven-3.9.9-bin.tar.gz && tar xzf apache-maven-3.9.9-bin.tar.gz
RUN curl -fsSLO https://example.com/tool.tar.gz && tar -xzf tool.tar.gz && rm tool.tar.gz
