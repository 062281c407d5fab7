FROM python:3.12-slim
ENV POETRY_CACHE_DIR=/opt/poetry-cache PIP_CACHE_DIR=/opt/pip-cache
WORKDIR /app
COPY . .
RUN mkdir -p /opt/poetry-cache /opt/pip-cache && pip install poetry && poetry install && rm -rf /opt/poetry-cache/*
CMD ["python", "app.py"]
