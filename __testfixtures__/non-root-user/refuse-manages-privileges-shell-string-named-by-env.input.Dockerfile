FROM node:22-bookworm-slim
ENV START=/app/start.sh
COPY start.sh /app/start.sh
CMD ["sh", "-c", "$START"]
