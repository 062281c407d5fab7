FROM node:22-bookworm-slim
WORKDIR /home/node/app
USER node
RUN npm ci --omit=dev
# Under USER node, ~ is /home/node: this COPY writes into the cache the later RUN empties.
COPY --chown=node npm-cache/ /home/node/.npm/_cacache/
RUN rm -rf ~/.npm
CMD ["node", "server.js"]
