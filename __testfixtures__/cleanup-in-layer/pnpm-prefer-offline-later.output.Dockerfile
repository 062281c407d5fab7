FROM node:20
RUN npm install -g pnpm@8 && npm cache clean --force
RUN pnpm install --frozen-lockfile --prefer-offline && rm -rf ~/.cache/pnpm
