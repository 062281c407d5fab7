FROM node:22-alpine
RUN apk add --no-cache libc6-compat
# Set working directory
WORKDIR /app

COPY . .

RUN corepack enable pnpm && pnpm add -g turbo
RUN pnpm install

CMD ["pnpm", "dev", "--filter=admin"]
