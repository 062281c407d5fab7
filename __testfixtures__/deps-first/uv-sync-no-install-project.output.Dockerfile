FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /usr/local/bin/uv
WORKDIR /app
COPY pyproject.toml uv.lock .python-version README.md ./
RUN uv sync --frozen --no-install-project --no-dev
COPY . .
ENV PATH=/app/.venv/bin:$PATH
CMD ["uvicorn", "api.main:app", "--host", "0.0.0.0"]
