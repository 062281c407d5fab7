FROM node:22-slim
RUN corepack enable
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN --mount=type=cache,id=pnpm,target=/root/.cache/pnpm pnpm install --frozen-lockfile
RUN pnpm fetch --prod && pnpm install -r --frozen-lockfile
# Reinstalls offline from what the cache and store hold.
RUN pnpm install --offline --prod
RUN sudo -u node pnpm install --frozen-lockfile
RUN pnpm install --frozen-lockfile --store-dir /root/.cache/pnpm/store
RUN pnpm config set store-dir /root/.cache/pnpm/store && pnpm install --frozen-lockfile
CMD ["node", "server.js"]
