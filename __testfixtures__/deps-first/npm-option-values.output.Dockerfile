FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --fetch-retries 5 --fetch-timeout 600000
COPY . .
CMD ["node", "index.js"]
