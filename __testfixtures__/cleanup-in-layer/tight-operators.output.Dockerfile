FROM debian:bookworm

RUN groupadd --gid 1000 app &&\
    useradd --uid 1000 --gid 1000 -m app &&\
    mkdir -p /srv/app &&\
    chown app:app /srv/app

RUN apt-get update && apt-get install -y --no-install-recommends \
    libpq5 libjemalloc2 &&\
    rm -rf /var/lib/apt/lists/*

RUN apt-get update && \
    apt-get install -y --no-install-recommends curl && \
    apt-get clean && \
    rm -rf /var/lib/apt/lists/*

USER app
CMD ["bash"]
