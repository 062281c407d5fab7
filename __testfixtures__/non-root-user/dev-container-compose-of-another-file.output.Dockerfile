FROM ubuntu:noble

RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential curl git \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app \
    && mkdir -p /var/lib/docker \
    && chown 10001:10001 /var/lib/docker
USER 10001:10001

# Mount for docker-in-docker
VOLUME [ "/var/lib/docker" ]

CMD [ "make", "serve" ]
