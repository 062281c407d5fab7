FROM node:20
WORKDIR /app
COPY package*.json ./
RUN npm ci
WORKDIR /app/server
RUN npm cache clean --force
CMD ["node", "server.js"]
