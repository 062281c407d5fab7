FROM ubuntu:24.04
USER ubuntu
RUN sudo apt-get update && sudo apt-get install -y build-essential && sudo rm -rf /var/lib/apt/lists/*
