FROM docker.io/library/ubuntu:24.04

# Put back the documentation the minimal image leaves out
RUN yes | unminimize

RUN apt-get update && \
    apt-get -y install bash-completion git less man-db sudo vim && \
    rm -rf /var/lib/apt/lists/*

CMD ["/bin/bash"]
