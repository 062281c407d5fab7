FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y libreoffice-writer-nogui python3-uno \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /work
ENTRYPOINT ["soffice", "--headless", "--convert-to", "pdf"]
