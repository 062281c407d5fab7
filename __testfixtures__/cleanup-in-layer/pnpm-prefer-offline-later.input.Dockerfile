FROM node:20
RUN npm install -g pnpm@8
RUN pnpm install --frozen-lockfile --prefer-offline
