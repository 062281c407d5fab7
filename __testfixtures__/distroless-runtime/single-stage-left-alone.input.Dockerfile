FROM node:24-trixie-slim
COPY . /app
CMD ["node", "/app/server.js"]
