FROM python:3.12-bookworm

# The JDK, checked by its release's build
ADD https://example.com/jdk/jdk-21.tar.gz /tmp/jdk.tar.gz
ENV JAVA_HOME=/opt/jdk

RUN mkdir -p /opt/jdk \
    && tar -xzf /tmp/jdk.tar.gz -C /opt/jdk --strip-components=1 \
    && rm /tmp/jdk.tar.gz
