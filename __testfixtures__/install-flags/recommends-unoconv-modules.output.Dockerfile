FROM python:3.12-slim-bookworm
RUN apt-get update \
    && apt-get install --no-install-recommends -y unoconv fonts-liberation2 libreoffice-writer libreoffice-calc libreoffice-impress libreoffice-draw \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
CMD ["python", "convert_worker.py"]
