FROM node:20-alpine
RUN corepack enable
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN pnpm install --frozen-lockfile --prod --network-concurrency 4 --package-import-method copy
COPY . .
CMD ["node", "src/server.js"]
