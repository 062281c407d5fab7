FROM python:3.12-slim AS lint
COPY . .
RUN make lint

FROM python:3.12-slim

WORKDIR /app
COPY . .
RUN pip install --no-cache-dir .
CMD ["python", "-m", "app"]
