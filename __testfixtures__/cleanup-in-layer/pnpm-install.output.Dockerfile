FROM node:22-slim
RUN corepack enable
# pip's own --cache-dir says nothing of pnpm's.
RUN python3 -m pip install --cache-dir /tmp/pip-cache --break-system-packages awscli
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN pnpm install --frozen-lockfile && rm -rf ~/.cache/pnpm
RUN pnpm i --frozen-lockfile --prod && rm -rf ~/.cache/pnpm
COPY . .
# Already cleaned after the install.
RUN pnpm add sharp && rm -rf /root/.cache/pnpm
# pnpm store prune removes the metadata cache as well.
RUN pnpm add sharp && pnpm store prune
CMD ["node", "server.js"]
