FROM node:22-bookworm-slim
WORKDIR /app
COPY ../start.sh /app/start.sh
CMD ["/app/start.sh"]
