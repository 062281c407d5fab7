FROM node:20-alpine
WORKDIR /app
COPY . .
WORKDIR /app/server
RUN npm ci
CMD ["node", "index.js"]
