FROM node:20-slim
RUN corepack enable
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY libs/util/package.json ./libs/util/
RUN pnpm install --frozen-lockfile
COPY . .
CMD ["pnpm", "start"]
