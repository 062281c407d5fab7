FROM node:20-slim
ENV TZ=Europe/Berlin
WORKDIR /app
COPY server.js ./
USER node
CMD ["node", "server.js"]
