FROM python:3.12-slim AS api
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["gunicorn", "-b", "0.0.0.0:8000", "api:app"]

FROM python:3.12-slim AS worker
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["celery", "-A", "tasks", "worker"]
