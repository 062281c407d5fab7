FROM node:20-slim
WORKDIR /app
COPY package.json ./
RUN npm install
COPY src/ /app/src/
CMD ["node", "src/server.js"]
