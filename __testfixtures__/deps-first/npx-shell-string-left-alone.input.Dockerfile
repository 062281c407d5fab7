FROM node:22-slim
WORKDIR /app
COPY . .
RUN npx -p pnpm@9 -c 'pnpm install --frozen-lockfile --prod'
CMD ["node", "server.js"]
