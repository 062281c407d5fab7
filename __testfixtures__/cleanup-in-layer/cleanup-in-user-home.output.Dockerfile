FROM node:22-bookworm-slim
WORKDIR /home/node/app
COPY --chown=node package.json package-lock.json ./
USER node
# The cache of node, the user the RUNs run as, named by its path.
RUN npm ci --omit=dev && rm -rf /home/node/.npm
COPY --chown=node . .
CMD ["node", "server.js"]
