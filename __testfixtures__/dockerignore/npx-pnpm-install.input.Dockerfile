FROM node:22
WORKDIR /app
COPY . .
RUN npx pnpm@9 install --frozen-lockfile --prod
CMD ["node", "server.js"]
