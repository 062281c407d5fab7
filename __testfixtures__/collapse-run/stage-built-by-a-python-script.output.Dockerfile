FROM python:3.11-slim AS base
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

FROM base AS lean
RUN useradd --system superset && \
    mkdir -p /app/superset_home && chown superset /app/superset_home
COPY . .
USER superset
CMD ["gunicorn", "superset.app:create_app()"]

FROM base AS dev
RUN pip install --no-cache-dir pytest && \
    mkdir -p /app/tests
COPY . .
CMD ["flask", "run", "--debug"]
