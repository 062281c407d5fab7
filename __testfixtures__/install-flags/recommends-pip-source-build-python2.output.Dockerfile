FROM debian:buster
WORKDIR /app
COPY . .
RUN apt-get update && apt-get install --no-install-recommends -y python-pip build-essential python-all-dev python-setuptools \
    && pip install --no-cache-dir .
