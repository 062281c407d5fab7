FROM ubuntu:14.04
RUN apt-get update && apt-get install -y software-properties-common && \
    add-apt-repository -y ppa:deadsnakes/ppa && \
    apt-get update
RUN ./install-python.sh
