FROM debian:bookworm-slim
RUN apt-get update && apt-get install --no-install-recommends -y chromium chromium-sandbox fonts-liberation2 fonts-noto-color-emoji && rm -rf /var/lib/apt/lists/*
COPY render.sh /usr/local/bin/
CMD ["render.sh"]
