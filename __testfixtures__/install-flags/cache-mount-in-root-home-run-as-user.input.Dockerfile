FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /usr/local/bin/uv
RUN useradd --create-home app
USER app
WORKDIR /home/app
RUN python -m venv /home/app/venv
COPY requirements.txt .
# The cache mounts are root's, but pip and uv run as app
RUN --mount=type=cache,target=/root/.cache/pip \
    /home/app/venv/bin/pip install -r requirements.txt
RUN --mount=type=cache,target=/root/.cache \
    uv pip install --python /home/app/venv/bin/python gunicorn
RUN --mount=type=cache,target=/home/app/.cache/pip,uid=1000 \
    /home/app/venv/bin/pip install uvicorn
CMD ["/home/app/venv/bin/gunicorn", "app:app"]
