FROM node:20-alpine
WORKDIR /app
COPY package.json config.json server.js ./
CMD ["node", "server.js"]
