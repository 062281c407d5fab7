FROM node:22-alpine
WORKDIR /app
COPY . .
RUN pnpm --version
RUN corepack enable pnpm && pnpm add -g turbo && corepack prepare pnpm@9.15.0 --activate
RUN pnpm install
CMD ["pnpm", "dev"]
