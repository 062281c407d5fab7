FROM ubuntu:22.04

RUN ( java -version ) && \
    /tmp/install-agent.sh && \
    java -version
