FROM node:20-bookworm-slim
WORKDIR /app
COPY server.js ./
COPY entrypoint.sh /entrypoint.sh
USER 1000:1000
ENTRYPOINT ["/entrypoint.sh"]
