FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir gunicorn flask
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
ENV GUNICORN_CMD_ARGS="--workers=2 --bind 0.0.0.0:8000"
CMD ["gunicorn", "app:app"]
