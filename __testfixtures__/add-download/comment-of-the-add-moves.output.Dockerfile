FROM python:3.12-bookworm

ENV JAVA_HOME=/opt/jdk

# The JDK, checked by its release's build
RUN curl -fsSL -o /tmp/jdk.tar.gz https://example.com/jdk/jdk-21.tar.gz \
    && mkdir -p /opt/jdk \
    && tar -xzf /tmp/jdk.tar.gz -C /opt/jdk --strip-components=1 \
    && rm /tmp/jdk.tar.gz
