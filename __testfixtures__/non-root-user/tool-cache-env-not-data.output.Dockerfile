FROM python:3.12-slim
ENV POETRY_CACHE_DIR=/opt/poetry-cache PIP_CACHE_DIR=/opt/pip-cache
WORKDIR /app
COPY . .
RUN mkdir -p /opt/poetry-cache /opt/pip-cache && pip install poetry && poetry install && rm -rf /opt/poetry-cache/*
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["python", "app.py"]
