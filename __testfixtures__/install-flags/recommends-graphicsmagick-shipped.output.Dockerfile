FROM node:20-bookworm-slim
RUN apt-get update && apt-get install --no-install-recommends -y graphicsmagick ghostscript && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
CMD ["node", "server.js"]
