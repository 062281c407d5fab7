FROM ubuntu:22.04

RUN java -version
RUN /tmp/install-agent.sh
RUN java -version
