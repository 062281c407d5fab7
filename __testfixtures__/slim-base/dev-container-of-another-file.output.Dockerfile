FROM python:3-slim

# install git iproute2
RUN apt-get update && apt-get -y install git iproute2

# Install tensorflow
RUN pip install tensorflow
