FROM node:20-alpine
WORKDIR /app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile --network-concurrency 1 --network-timeout 600000
COPY . .
CMD ["node", "src/server.js"]
