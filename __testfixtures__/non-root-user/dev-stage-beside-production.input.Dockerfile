FROM python:3.12-slim AS base
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

FROM base AS production
COPY . .
CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]

FROM base AS development
RUN pip install --no-cache-dir -r requirements-dev.txt
COPY . .
CMD ["flask", "run", "--host=0.0.0.0", "--debug"]
