FROM python:3.12-slim AS base
ENV PYTHONUNBUFFERED=1

FROM base
WORKDIR /app
COPY pyproject.toml .
RUN pip install --upgrade pip
RUN pip install poetry
RUN python -m pip install -U pip setuptools wheel
RUN poetry config virtualenvs.create false
RUN pip check
