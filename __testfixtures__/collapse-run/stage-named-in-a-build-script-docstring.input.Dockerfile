FROM python:3.12-slim AS base
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

FROM base AS debug
RUN pip install --no-cache-dir debugpy
RUN mkdir -p /app/profiles
COPY . .
CMD ["python", "-m", "debugpy", "--listen", "0.0.0.0:5678", "-m", "service"]

FROM base AS runtime
RUN useradd --system service
RUN mkdir -p /app/state && chown service /app/state
COPY . .
USER service
CMD ["python", "-m", "service"]
