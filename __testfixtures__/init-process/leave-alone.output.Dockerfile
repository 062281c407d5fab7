FROM node:22-bookworm-slim
WORKDIR /app
COPY . .
CMD ["node", "server.js"]
