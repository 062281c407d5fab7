FROM ubuntu:24.04
RUN apt-get update && apt-get install -y software-properties-common && rm -rf /var/lib/apt/lists/* \
    && add-apt-repository -y ppa:deadsnakes/ppa \
    && apt-get install -y python3.12 \
    && rm -rf /var/lib/apt/lists/*
