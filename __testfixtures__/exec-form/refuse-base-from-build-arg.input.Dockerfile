ARG BASE=python:3.12-slim
FROM $BASE
CMD python3 app.py

ARG PYTHON_VERSION=3.12
FROM python:${PYTHON_VERSION}-slim AS app
CMD python3 app.py
