FROM arm64v8/python:3.11-slim-bookworm AS builder
WORKDIR /app
COPY . .
RUN python -m venv venv && ./venv/bin/pip install --no-cache-dir .

FROM arm64v8/python:3.11-slim-bookworm

COPY --from=builder /app /app
WORKDIR /app

EXPOSE 5000
ENTRYPOINT [ "./scripts/entrypoint.sh" ]
