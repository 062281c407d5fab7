FROM python:3.12-slim
ENV POETRY_VIRTUALENVS_CREATE=false
WORKDIR /app
COPY pyproject.toml poetry.lock ./
RUN pip install --no-cache-dir poetry==1.8.3 && poetry install --no-root --only main && rm -rf ~/.cache/pypoetry/cache ~/.cache/pypoetry/artifacts
COPY . .
CMD ["python", "-m", "app"]
