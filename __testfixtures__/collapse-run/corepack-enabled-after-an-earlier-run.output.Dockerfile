FROM node:22-alpine
WORKDIR /app
COPY . .
RUN ( pnpm --version ) && \
    corepack enable pnpm && pnpm add -g turbo && \
    pnpm install
CMD ["pnpm", "dev"]
