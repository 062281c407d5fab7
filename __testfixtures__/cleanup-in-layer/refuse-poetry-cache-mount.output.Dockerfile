FROM python:3.12-slim
ENV POETRY_VIRTUALENVS_IN_PROJECT=true
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.cache/pypoetry pip install --no-cache-dir poetry && poetry install --only main
CMD [".venv/bin/python", "-m", "app"]
