FROM node:20-slim
WORKDIR /app
# built from the repository root: docker build -f services/api/Dockerfile .
COPY services/api/package.json ./
RUN npm install
COPY . .
CMD ["node", "server.js"]
