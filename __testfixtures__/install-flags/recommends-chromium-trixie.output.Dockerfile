FROM python:3.13-slim-trixie
RUN apt-get update && apt-get install --no-install-recommends -y chromium-headless-shell chromium-driver fonts-liberation && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
CMD ["python", "scrape.py"]
