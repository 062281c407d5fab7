FROM python:3.12-slim-bookworm
COPY --from=ghcr.io/astral-sh/uv:0.4.18 /uv /usr/local/bin/uv
WORKDIR /app
COPY app.py .
CMD ["python", "app.py"]
