FROM ubuntu:noble

RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential curl git \
    && rm -rf /var/lib/apt/lists/*

# Mount for docker-in-docker
VOLUME [ "/var/lib/docker" ]

CMD [ "make", "serve" ]
