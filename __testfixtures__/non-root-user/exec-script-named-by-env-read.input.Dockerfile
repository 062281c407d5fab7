FROM node:22-bookworm-slim
ENV APP=/app
COPY start.sh /app/start.sh
COPY server.js /app/server.js
CMD exec $APP/start.sh
