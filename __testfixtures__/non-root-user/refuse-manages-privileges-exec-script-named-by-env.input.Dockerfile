FROM node:22-bookworm-slim
ENV APP=/app
COPY start.sh /app/start.sh
CMD exec $APP/start.sh
