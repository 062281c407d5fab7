FROM python:3.12-slim AS base
ENV PYTHONUNBUFFERED=1

FROM base
WORKDIR /app
COPY pyproject.toml .
RUN pip install --upgrade pip && \
    pip install poetry && \
    python -m pip install -U pip setuptools wheel && \
    poetry config virtualenvs.create false && \
    pip check
