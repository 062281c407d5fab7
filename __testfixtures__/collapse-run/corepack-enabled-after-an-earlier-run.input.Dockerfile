FROM node:22-alpine
WORKDIR /app
COPY . .
RUN pnpm --version
RUN corepack enable pnpm && pnpm add -g turbo
RUN pnpm install
CMD ["pnpm", "dev"]
