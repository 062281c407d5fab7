FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
    xmlsec1 \
    libxmlsec1-gnutls \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
CMD ["python", "app.py"]
