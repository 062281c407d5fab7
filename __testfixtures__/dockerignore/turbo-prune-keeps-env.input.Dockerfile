FROM node:22-alpine AS base
RUN npm install -g pnpm@9.15.0
WORKDIR /app

# Keep only the web app and the packages it uses
FROM base AS pruner
COPY . .
RUN pnpm dlx turbo@2.3.3 prune web --docker

FROM base AS builder
COPY --from=pruner /app/out/json/ .
RUN pnpm install --frozen-lockfile
COPY --from=pruner /app/out/full/ .
RUN pnpm turbo run build --filter=web

FROM nginxinc/nginx-unprivileged:stable-alpine
COPY --from=builder /app/apps/web/out /usr/share/nginx/html
