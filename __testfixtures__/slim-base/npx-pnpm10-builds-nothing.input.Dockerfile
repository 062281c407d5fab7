# pnpm 10, fetched by npx, runs no dependency's install script unless package.json allows it
FROM node:22
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN npx -y pnpm@10.12.1 install --frozen-lockfile --prod
COPY . .
CMD ["node", "server.js"]
