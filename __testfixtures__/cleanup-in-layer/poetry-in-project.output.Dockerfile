FROM python:3.12-slim
ENV POETRY_VIRTUALENVS_IN_PROJECT=true
WORKDIR /app
COPY pyproject.toml poetry.lock ./
RUN pip install --no-cache-dir poetry \
    && poetry install --no-interaction --no-ansi --no-root \
    && rm -rf ~/.cache/pypoetry/cache ~/.cache/pypoetry/artifacts
COPY . .
CMD [".venv/bin/python", "-m", "app"]
