FROM ubuntu:24.04

RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /srv/store
COPY store.py .
COPY --chown=10001:10001 seed/ /var/lib/store/
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app \
    && mkdir -p /var/lib/store \
    && chown 10001:10001 /var/lib/store
VOLUME /var/lib/store

RUN python3 -m compileall -q /srv/store
USER 10001:10001

EXPOSE 9000
CMD ["python3", "store.py", "--data", "/var/lib/store"]
