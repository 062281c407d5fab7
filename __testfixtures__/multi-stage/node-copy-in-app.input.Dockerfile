FROM node:20-slim
WORKDIR /usr/src/app
COPY package*.json ./
RUN npm ci
COPY . .
RUN cp config.example.json config.json && mv /usr/src/app/config.example.json /tmp/
CMD ["node", "server.js"]
