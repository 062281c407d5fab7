FROM node:22-slim
RUN corepack enable
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/web/package.json ./apps/web/
COPY patches/left-pad@1.3.0.patch patches/@scope__util@2.0.1.patch ./patches/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter ./apps/web build
CMD ["pnpm", "start"]
