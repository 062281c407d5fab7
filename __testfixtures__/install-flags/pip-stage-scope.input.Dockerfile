FROM python:3.12-slim AS base
ARG PIP_NO_CACHE_DIR=1
RUN pip install poetry

FROM base AS app
RUN pip install -r requirements.txt

FROM python:3.12-slim AS late
RUN pip install black
ENV PIP_NO_CACHE_DIR=1
RUN pip install ruff
