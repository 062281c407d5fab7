FROM node:20-slim AS base
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

FROM base AS app
RUN npm prune --omit=dev
RUN mkdir -p /app/uploads && chown node /app/uploads
COPY . .
USER node
CMD ["node", "server.js"]

FROM base AS development
RUN npm install -g nodemon
RUN mkdir -p /app/tmp
COPY . .
CMD ["nodemon", "server.js"]
