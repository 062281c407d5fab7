FROM python:3.11-slim-bookworm

RUN [ ! -d "/datastore" ] && mkdir /datastore

COPY app /app/app
COPY main.py /app/main.py
WORKDIR /app
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    chown -R 10001:10001 /datastore
USER 10001:10001

CMD ["python", "./main.py", "-d", "/datastore"]
