FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
WORKDIR /app
RUN npm ci
COPY . .
CMD ["node", "index.js"]
