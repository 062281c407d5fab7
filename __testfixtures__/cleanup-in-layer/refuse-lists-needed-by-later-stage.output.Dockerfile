FROM python:3.12-slim AS base
RUN apt-get update && apt-get install -y --no-install-recommends libpq5

FROM base AS test
RUN apt-get install -y --no-install-recommends postgresql-client

FROM base
COPY app /app
