FROM python:3.12-slim
ENV POETRY_VIRTUALENVS_CREATE=false
WORKDIR /app
COPY pyproject.toml poetry.lock ./
RUN pip install --no-cache-dir poetry==1.8.3 && poetry install --no-root --only main
COPY . .
CMD ["python", "-m", "app"]
