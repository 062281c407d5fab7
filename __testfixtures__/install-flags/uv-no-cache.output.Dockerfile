FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /uvx /bin/
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --no-cache --frozen --no-dev
COPY . .
RUN uv pip install --no-cache --system gunicorn \
 && uv tool install --no-cache ruff
CMD ["/app/.venv/bin/python", "-m", "app"]
