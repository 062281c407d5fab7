FROM python:3.11-slim-bookworm

RUN [ ! -d "/datastore" ] && mkdir /datastore

COPY app /app/app
COPY main.py /app/main.py
WORKDIR /app

CMD ["python", "./main.py", "-d", "/datastore"]
