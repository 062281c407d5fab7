FROM node:20-alpine
WORKDIR /app
COPY package.json config.json server.js ./
USER 1000:1000
CMD ["node", "server.js"]
