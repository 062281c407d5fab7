FROM node:22-bookworm-slim
COPY start.sh /app/start.sh
CMD exec $APP/start.sh
