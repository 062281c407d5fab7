FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y \
        libreoffice-writer \
        libreoffice-calc \
        fonts-liberation \
        fonts-crosextra-carlito \
    && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["soffice", "--headless"]
