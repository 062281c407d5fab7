FROM ubuntu:22.04

RUN ( java -version ) && \
    ln -s /opt/java/openjdk/bin/java /usr/local/bin/java && java --version
