FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y graphicsmagick && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
CMD ["node", "server.js"]
