# pnpm 10.26's allowBuilds lets fastify run its install script, which dockshift does not know
FROM node:22
RUN corepack enable
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm install --frozen-lockfile --prod
COPY . .
CMD ["node", "server.js"]
