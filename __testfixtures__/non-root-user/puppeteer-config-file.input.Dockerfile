FROM node:20-slim
WORKDIR /app
COPY package*.json .puppeteerrc.cjs ./
RUN npm ci --omit=dev
COPY . .
CMD ["node", "index.js"]
