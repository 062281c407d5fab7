# pnpm 10 switches to the pnpm packageManager names (9.15.0), which runs every install script
FROM node:22
RUN npm install -g pnpm@10.12.1
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN pnpm install --frozen-lockfile --prod
COPY . .
CMD ["node", "server.js"]
