FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/ui/package.json ./packages/ui/
RUN npm ci
COPY . .
CMD ["node", "server.js"]
