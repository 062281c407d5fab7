# npx -c runs its string in a shell, with pnpm 10 on PATH: the pnpm in it is read as one of unknown version
FROM node:22
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN npx -p pnpm@10.12.1 -c 'pnpm install --frozen-lockfile --prod'
COPY . .
CMD ["node", "server.js"]
