FROM node:20-bookworm
RUN apt-get update && apt-get install -y build-essential python3
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
CMD ["node", "server.js"]
