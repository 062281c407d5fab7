FROM python:3.12-slim-bookworm
RUN apt-get update \
    && apt-get install -y unoconv fonts-liberation2 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
CMD ["python", "convert_worker.py"]
