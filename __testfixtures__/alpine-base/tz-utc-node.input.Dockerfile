FROM node:20-slim
ENV TZ=Etc/UTC
WORKDIR /app
COPY server.js ./
CMD ["node", "server.js"]
