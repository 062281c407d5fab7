FROM python:3.12-slim
RUN pip install --no-cache-dir black \
    && export PIP_NO_CACHE_DIR=1 \
    && pip install mypy ruff
