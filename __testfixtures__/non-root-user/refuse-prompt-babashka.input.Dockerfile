# Babashka's release image: others build FROM it and run their scripts with bb.
FROM ubuntu:24.04
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY bb /usr/local/bin/bb
CMD ["bb"]
