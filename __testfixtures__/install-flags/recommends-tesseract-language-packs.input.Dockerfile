FROM python:3.12-slim-bookworm
RUN apt-get update \
    && apt-get install -y tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "-m", "ocr_service"]
