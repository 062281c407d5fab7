FROM node:20-alpine
RUN corepack enable
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile --prod --network-concurrency 4 --package-import-method copy
CMD ["node", "src/server.js"]
