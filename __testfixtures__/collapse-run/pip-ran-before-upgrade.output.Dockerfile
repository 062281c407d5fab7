FROM debian:bullseye
RUN apt-get update && apt-get install -y python3-pip && \
    ( pip3 --version ) && \
    ( pip3 install -U pip ) && \
    pip3 --version
