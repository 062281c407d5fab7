FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
ADD http://downloads.example.org/tool-1.0.tar.gz /usr/src/
RUN cd /usr/src && tar -xzf tool-1.0.tar.gz && rm tool-1.0.tar.gz && make -C tool-1.0 install
