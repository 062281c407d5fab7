FROM node:20-bookworm-slim
WORKDIR /app
COPY server.js ./
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
