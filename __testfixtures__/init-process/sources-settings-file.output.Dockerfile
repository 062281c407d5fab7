FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN python -m venv /venv && /venv/bin/pip install --no-cache-dir -r requirements.txt
ENTRYPOINT ["/usr/bin/tini", "--", "/app/start.sh"]
