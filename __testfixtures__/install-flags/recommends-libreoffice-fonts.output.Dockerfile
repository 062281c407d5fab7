FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install --no-install-recommends -y libreoffice-writer-nogui python3-uno fonts-liberation2 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /work
ENTRYPOINT ["soffice", "--headless", "--convert-to", "pdf"]
