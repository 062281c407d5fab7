FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir gunicorn flask
ENV GUNICORN_CMD_ARGS="--workers=2 --bind 0.0.0.0:8000"
CMD ["gunicorn", "app:app"]
