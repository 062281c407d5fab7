# hadolint global ignore=DL3015,DL3008
FROM python:3.12-slim
RUN apt-get update && apt-get install -y libpq5 \
    && pip install psycopg
