# pnpm 9 runs every install script, and its lockfile does not record which packages have one
FROM node:22
RUN corepack enable
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN pnpm install --frozen-lockfile --prod
COPY . .
CMD ["node", "server.js"]
