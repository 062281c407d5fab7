FROM python:3.11-slim AS base
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

FROM base AS lean
RUN useradd --system app
RUN mkdir -p /app/app_home && chown app /app/app_home
COPY . .
USER app
CMD ["gunicorn", "app.app:create_app()"]

FROM base AS dev
RUN pip install --no-cache-dir pytest && \
    mkdir -p /app/tests
COPY . .
CMD ["flask", "run", "--debug"]
