FROM node:20-alpine
WORKDIR /app
COPY . .
RUN yarn install --frozen-lockfile --network-concurrency 1 --network-timeout 600000
CMD ["node", "src/server.js"]
