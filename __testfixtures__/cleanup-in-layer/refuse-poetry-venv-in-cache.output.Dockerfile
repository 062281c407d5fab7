FROM python:3.12-slim
ENV POETRY_VIRTUALENVS_PATH=/root/.cache/pypoetry/cache/venvs
COPY . /app
RUN pip install --no-cache-dir poetry && poetry -C /app install --only main
CMD ["poetry", "-C", "/app", "run", "python", "-m", "app"]
