FROM ubuntu:24.04

RUN apt-get update \
 && apt-get install -y build-essential git curl \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /workspace
CMD ["sleep", "infinity"]
