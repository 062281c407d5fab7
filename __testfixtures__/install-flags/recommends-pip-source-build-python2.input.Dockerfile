FROM debian:buster
WORKDIR /app
COPY . .
RUN apt-get update && apt-get install -y python-pip \
    && pip install .
