FROM node:22-bookworm-slim AS base
WORKDIR /home/node/app
USER node

FROM base
COPY --chown=node:node . .
CMD ["yarn", "start"]
