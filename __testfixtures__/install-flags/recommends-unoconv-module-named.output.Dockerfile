FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install --no-install-recommends -y unoconv libreoffice-writer fonts-liberation2 \
    && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["unoconv", "--listener"]
