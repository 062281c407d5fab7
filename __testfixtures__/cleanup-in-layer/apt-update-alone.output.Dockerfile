# Use the official Python image.
FROM python:3.12

RUN apt-get update && rm -rf /var/lib/apt/lists/*

COPY requirements.txt ./
RUN set -ex; \
    pip install --no-cache-dir -r requirements.txt; \
    pip install --no-cache-dir gunicorn

COPY . ./
CMD exec gunicorn --bind :$PORT app:app
