FROM python:3.12-alpine
WORKDIR /app
COPY requirements.txt .
RUN --mount=from=ghcr.io/astral-sh/uv:0.5.31,source=/uv,target=/bin/uv \
    uv pip install --system --no-cache -r requirements.txt
COPY . .
CMD ["gunicorn", "app:app"]
