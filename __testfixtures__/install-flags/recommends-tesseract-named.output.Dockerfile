FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install --no-install-recommends -y tesseract-ocr tesseract-ocr-deu \
    && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["tesseract"]
