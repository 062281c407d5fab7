FROM ubuntu:20.04
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        python3 \
        python3-pip

RUN apt-get clean && rm -rf /var/lib/apt/lists/*

WORKDIR /app
