FROM node:20-alpine
WORKDIR /app
COPY . .
CMD NODE_ENV=production node server.js
