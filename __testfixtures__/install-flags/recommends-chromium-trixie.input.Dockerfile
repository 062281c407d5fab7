FROM python:3.13-slim-trixie
RUN apt-get update && apt-get install -y chromium-headless-shell chromium-driver && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
CMD ["python", "scrape.py"]
