FROM debian:bullseye
RUN apt-get update && apt-get install -y python3-pip
RUN pip3 --version
RUN pip3 install -U pip
RUN pip3 --version
