FROM ubuntu:24.04
RUN yes | unminimize \
 && apt-get update \
 && apt-get install -y --no-install-recommends git less man-db openssh-client \
 && rm -rf /var/lib/apt/lists/*
COPY tools /usr/local/bin/
CMD ["sleep", "infinity"]
