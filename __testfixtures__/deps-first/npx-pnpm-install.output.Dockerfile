FROM node:22-slim
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN npx pnpm@9 install --frozen-lockfile --prod
COPY . .
CMD ["node", "server.js"]
