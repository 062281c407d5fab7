FROM node:22-bookworm AS build
WORKDIR /srv
COPY package.json package-lock.json ./
# npm's --include wins over --omit: the build's devDependencies are installed.
RUN npm ci --omit=dev --include=dev
COPY . .
RUN npm run build
RUN npm prune --omit=dev

FROM node:22-bookworm-slim
WORKDIR /srv
COPY --from=build /srv /srv
CMD ["node", "dist/server.js"]
