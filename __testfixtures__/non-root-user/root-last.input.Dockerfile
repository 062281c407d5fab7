FROM node:22-bookworm

WORKDIR /home/node/app
COPY --chown=node:node package*.json ./
USER node
RUN npm ci --omit=dev
COPY --chown=node:node . .

USER root
RUN apt-get update && apt-get install -y --no-install-recommends dumb-init && rm -rf /var/lib/apt/lists/*

ENTRYPOINT ["dumb-init", "--"]
CMD ["node", "index.js"]
