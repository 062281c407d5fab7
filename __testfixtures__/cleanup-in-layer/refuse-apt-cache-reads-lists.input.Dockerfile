FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN apt-cache policy curl > /etc/curl-version.txt
RUN rm -rf /var/lib/apt/lists/*
