FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /uvx /bin/
ARG UV_CACHE_DIR=/opt/uv-cache
WORKDIR /app
RUN UV_NO_CACHE=1 uv sync --frozen
RUN uv sync -n --frozen
RUN uv pip install --offline -r requirements.txt
RUN uv pip install --cache-dir /tmp/uv -r requirements.txt
RUN uv --project /app sync
RUN uv sync --frozen
CMD ["/app/.venv/bin/python", "-m", "app"]
