FROM python:3.12-slim

# system packages for the build
RUN apt-get update && \
    apt-get install -y --no-install-recommends gcc libpq-dev

# hadolint ignore=DL3013
RUN pip install --no-cache-dir -U setuptools && \
    pip install --no-cache-dir psycopg2
