FROM python:3.12-alpine

RUN apk add --no-cache bash gcc musl-dev && \
    pip install 'yamllint>=1.35.0' && \
    rm -rf ~/.cache/pip

ENV PIP_CACHE_DIR=/var/cache/pip
RUN pip install --no-cache-dir 'pyyaml>=6.0' && rm -rf /root/.cache

COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
