FROM node:22-alpine
WORKDIR /app
COPY . .
RUN ( pnpm --version ) && \
    ( corepack enable pnpm && pnpm add -g turbo && corepack prepare pnpm@9.15.0 --activate ) && \
    pnpm install
CMD ["pnpm", "dev"]
