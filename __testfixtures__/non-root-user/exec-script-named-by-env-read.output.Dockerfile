FROM node:22-bookworm-slim
ENV APP=/app
COPY start.sh /app/start.sh
COPY server.js /app/server.js
USER 1000:1000
CMD exec $APP/start.sh
