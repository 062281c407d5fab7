FROM ubuntu:24.04

RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /srv/store
COPY store.py .
COPY seed/ /var/lib/store/
VOLUME /var/lib/store

RUN python3 -m compileall -q /srv/store

EXPOSE 9000
CMD ["python3", "store.py", "--data", "/var/lib/store"]
