FROM ubuntu:24.04

RUN apt-get update \
    && apt-get install --yes --no-install-recommends python3 tini unit unit-python3.12 \
    && rm -rf /var/lib/apt/lists/*

COPY . /opt/app
WORKDIR /opt/app

# Unit keeps its state and sockets here, writable by its group
RUN mkdir -p /opt/unit/state /opt/unit/tmp \
      && chown -R unit:root /opt/unit \
      && chmod -R g+w /opt/unit
USER unit:root

ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/opt/app/launch.sh"]
