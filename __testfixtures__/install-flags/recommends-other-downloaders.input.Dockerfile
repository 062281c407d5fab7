FROM debian:bookworm
RUN apt-get update && apt-get install -y aria2 && rm -rf /var/lib/apt/lists/*
RUN aria2c https://example.com/tool.tar.gz -d /tmp
RUN apt-get update && apt-get install -y wget2 && rm -rf /var/lib/apt/lists/*
RUN wget2 -q https://example.com/data.tar.gz
