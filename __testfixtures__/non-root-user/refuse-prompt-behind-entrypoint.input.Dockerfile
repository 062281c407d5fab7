# The shape of the official node image: the entrypoint runs the CMD, which is node's prompt.
FROM debian:bookworm-slim

RUN groupadd --gid 1000 node \
  && useradd --no-log-init --uid 1000 --gid node --shell /bin/bash --create-home node

RUN apt-get update && apt-get install -y --no-install-recommends nodejs \
  && rm -rf /var/lib/apt/lists/*

COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]

CMD [ "node" ]
