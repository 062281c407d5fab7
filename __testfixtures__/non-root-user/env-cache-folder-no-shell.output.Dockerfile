FROM python:3.11-slim AS builder
RUN python -m venv /opt/venv
COPY requirements.txt .
RUN /opt/venv/bin/pip install --no-cache-dir -r requirements.txt

FROM gcr.io/distroless/python3-debian12
# Models are downloaded on first use
ENV TRANSFORMERS_CACHE=/cache
COPY --from=builder /opt/venv /opt/venv
COPY app /app
WORKDIR /app
ENTRYPOINT ["/opt/venv/bin/python3", "main.py"]
