FROM debian:bookworm

RUN groupadd --gid 1000 app &&\
    useradd --uid 1000 --gid 1000 -m app &&\
    mkdir -p /srv/app &&\
    chown app:app /srv/app

RUN apt-get update && apt-get install -y --no-install-recommends \
    libpq5 libjemalloc2

RUN apt-get update && \
    apt-get install -y --no-install-recommends curl && \
    apt-get clean

USER app
CMD ["bash"]
