FROM node:22-slim
RUN corepack enable
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN pnpm install --frozen-lockfile
RUN pnpm i --frozen-lockfile --prod
COPY . .
# Already cleaned after the install.
RUN pnpm add sharp && rm -rf /root/.cache/pnpm
CMD ["node", "server.js"]
