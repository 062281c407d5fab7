FROM ubuntu:22.04

RUN apt-get update \
 && apt-get install -y curl openjdk-17-jre-headless \
 && rm -rf /var/lib/apt/lists/*

# SBT

ADD https://github.com/sbt/sbt/releases/download/v1.9.7/sbt-1.9.7.tgz /root/

RUN \
 cd /root/ \
 && tar xvzf sbt-1.9.7.tgz \
 && rm sbt-1.9.7.tgz

WORKDIR /root
