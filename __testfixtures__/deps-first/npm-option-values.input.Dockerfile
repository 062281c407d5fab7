FROM node:20-alpine
WORKDIR /app
COPY . .
RUN npm ci --omit=dev --fetch-retries 5 --fetch-timeout 600000
CMD ["node", "index.js"]
