FROM node:20-slim
WORKDIR /app
COPY .npmrc /root/.npmrc
COPY package.json ./
RUN npm install && rm -f /root/.npmrc
COPY . .
CMD ["node", "index.js"]
