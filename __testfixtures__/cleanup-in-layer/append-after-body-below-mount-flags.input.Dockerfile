FROM debian:bookworm-slim
# The body starts below its flags, two spaces in: the new command lines up with it,
# not with the four-space commands of the other RUNs.
RUN --mount=type=tmpfs,target=/var/log \
  apt-get -y update && apt-get -y install --no-install-recommends \
  postgresql-15 postgresql-contrib-15
RUN \
  apt-get -y update && apt-get -y install --no-install-recommends \
  redis-server
RUN mkdir -p /var/lib/app && \
    chown postgres /var/lib/app && \
    chmod 700 /var/lib/app
CMD ["postgres"]
