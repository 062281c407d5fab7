FROM node:22-slim
WORKDIR /app
COPY . .
RUN npx pnpm@9 install --frozen-lockfile --prod
CMD ["node", "server.js"]
