FROM node:22-bookworm AS build
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
COPY docker-entrypoint.sh /usr/local/bin/
RUN npm prune --omit=dev

FROM node:22-bookworm-slim
WORKDIR /usr/src/app
COPY --from=build /usr/src/app /usr/src/app
COPY --from=build /usr/local/bin/docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node", "build/server.js"]
