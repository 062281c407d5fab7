FROM python:3.12-slim AS base
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN pip install poetry

FROM base AS app
RUN pip install -r requirements.txt

FROM python:3.12-slim AS tools
ARG PIP_NO_CACHE_DIR=off
RUN pip install black
RUN PIP_NO_CACHE_DIR=1 pip install ruff
RUN export PIP_NO_CACHE_DIR=1 && pip install mypy
