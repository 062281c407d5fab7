# The virtualenv is made under ~/.cache/pypoetry/virtualenvs: only cache/ and artifacts/ go.
FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir poetry && poetry install --only main && rm -rf ~/.cache/pypoetry/cache ~/.cache/pypoetry/artifacts
CMD ["poetry", "run", "python", "-m", "app"]
