FROM python:3.12-slim
RUN pip install black \
    && export PIP_NO_CACHE_DIR=1 \
    && pip install mypy ruff
