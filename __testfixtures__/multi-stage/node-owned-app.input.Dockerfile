FROM node:20-bookworm

# Run as the image's unprivileged user, which owns the app folder.
WORKDIR /home/node/app
COPY --chown=node:node package*.json ./
USER node
RUN npm ci
COPY --chown=node:node . .
RUN npm run build

EXPOSE 3000
CMD ["node", "dist/server.js"]
