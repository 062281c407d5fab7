# pnpm 9, fetched by npx, runs every install script, and its lockfile does not record which packages have one
FROM node:22
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN npx pnpm@9 install --frozen-lockfile
COPY . .
CMD ["node", "server.js"]
