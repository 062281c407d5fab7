# npx fetches whichever pnpm is latest when the build runs: not a version dockshift can read
FROM node:22
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN npx --yes pnpm@latest install --frozen-lockfile --prod
COPY . .
CMD ["node", "server.js"]
