# corepack runs the pnpm package.json names
FROM node:22
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN corepack pnpm install --frozen-lockfile --prod
COPY . .
CMD ["node", "server.js"]
