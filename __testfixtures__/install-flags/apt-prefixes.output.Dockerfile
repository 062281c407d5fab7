FROM ubuntu:22.04
ENV DEBIAN_FRONTEND=noninteractive
RUN DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends -y tzdata
RUN sudo apt-get install --no-install-recommends -y build-essential
RUN sudo -E env DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get -y install --no-install-recommends git ca-certificates
RUN apt update && apt install --no-install-recommends -y python3
