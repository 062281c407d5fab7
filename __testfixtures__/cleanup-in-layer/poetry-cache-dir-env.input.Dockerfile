FROM python:3.11-slim
ENV POETRY_HOME=/opt/poetry \
    POETRY_CACHE_DIR=/opt/poetry-cache/ \
    POETRY_VIRTUALENVS_IN_PROJECT=true
WORKDIR /app
COPY pyproject.toml poetry.lock ./
RUN python -m pip install --no-cache-dir poetry && python -m poetry install --no-root
CMD [".venv/bin/python", "-m", "app"]
