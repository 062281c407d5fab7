FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir gunicorn flask
ENV GUNICORN_CMD_ARGS="--bind=0.0.0.0:80 --workers=2"
CMD ["gunicorn", "app:app"]
