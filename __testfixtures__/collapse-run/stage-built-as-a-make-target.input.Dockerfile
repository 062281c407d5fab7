FROM python:3.12-slim AS base
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

FROM base AS runtime
RUN useradd --system app
RUN mkdir -p /app/data && chown app /app/data
COPY . .
USER app
CMD ["python", "-m", "api"]

FROM base AS dev
RUN pip install --no-cache-dir debugpy pytest
COPY . .
CMD ["python", "-m", "debugpy", "--listen", "0.0.0.0:5678", "-m", "api"]
