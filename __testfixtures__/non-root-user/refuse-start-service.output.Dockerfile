FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends redis-server && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
CMD service redis-server start && exec python app.py
