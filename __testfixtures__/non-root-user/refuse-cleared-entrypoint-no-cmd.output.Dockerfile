FROM python:3.12-slim

WORKDIR /app
COPY requirements-dev.txt .
RUN pip install --no-cache-dir -r requirements-dev.txt

# Empty the ENTRYPOINT to allow all commands
ENTRYPOINT []
