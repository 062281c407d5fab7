FROM node:20-alpine
WORKDIR /app
COPY . .
WORKDIR /app
RUN npm ci
CMD ["node", "index.js"]
