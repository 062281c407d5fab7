FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
RUN mkdir -p /usr/src && wget -q -O /usr/src/tool-1.0.tar.gz http://downloads.example.org/tool-1.0.tar.gz && cd /usr/src && tar -xzf tool-1.0.tar.gz && rm tool-1.0.tar.gz && make -C tool-1.0 install
