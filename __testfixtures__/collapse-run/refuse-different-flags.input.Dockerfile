# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN pip install --upgrade pip
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
RUN --network=none python -m compileall /app
