FROM node:20-bookworm-slim
RUN apt-get update \
    && apt-get install --no-install-recommends -y chromium fonts-liberation chromium-sandbox \
    && rm -rf /var/lib/apt/lists/*
ENV PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium
WORKDIR /app
COPY . .
CMD ["node", "render.js"]
