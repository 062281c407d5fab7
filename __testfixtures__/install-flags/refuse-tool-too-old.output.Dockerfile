FROM ubuntu:14.04
RUN apt-get update && apt-get install -y --no-install-recommends python-pip && pip install flask

FROM alpine:3.2
RUN apk add curl

FROM debian:jessie
RUN apt-get update && apt-get install -y --no-install-recommends python-pip \
    && pip install -U pip \
    && pip install --no-cache-dir flask
