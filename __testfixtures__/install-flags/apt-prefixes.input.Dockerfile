FROM ubuntu:22.04
ENV DEBIAN_FRONTEND=noninteractive
RUN DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata
RUN sudo apt-get install -y build-essential
RUN sudo -E env DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get -y install git
RUN apt update && apt install -y python3
