FROM node:20-bookworm AS build

# Run as the image's unprivileged user, which owns the app folder.
WORKDIR /home/node/app
COPY --chown=node:node package*.json ./
USER node
RUN npm ci
COPY --chown=node:node . .
RUN npm run build
RUN npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /home/node/app
COPY --from=build --chown=node:node /home/node/app /home/node/app
USER node

EXPOSE 3000
CMD ["node", "dist/server.js"]
