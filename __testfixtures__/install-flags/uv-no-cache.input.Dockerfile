FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /uvx /bin/
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev
COPY . .
RUN uv pip install --system gunicorn \
 && uv tool install ruff
CMD ["/app/.venv/bin/python", "-m", "app"]
