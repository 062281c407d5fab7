FROM ubuntu:22.04
RUN apt-get update && apt-get install -y curl
RUN apt-get install -y jq
RUN rm -rf /var/lib/apt/lists/*
