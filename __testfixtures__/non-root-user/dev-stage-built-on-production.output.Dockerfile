FROM node:20-slim AS production
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .
CMD ["node", "server.js"]

FROM production AS development
RUN npm install
CMD ["npm", "run", "dev"]
