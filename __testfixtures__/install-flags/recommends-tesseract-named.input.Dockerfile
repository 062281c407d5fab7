FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y tesseract-ocr tesseract-ocr-deu \
    && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["tesseract"]
