# Base image with the tools the app runs, published on its own
FROM node:22-bookworm-slim AS base
RUN apt-get update && \
    apt-get install --yes --no-install-recommends sqlite3 iputils-ping dumb-init && \
    rm -rf /var/lib/apt/lists/*

# Local development image, built but never pushed
FROM base AS dev
RUN apt-get update && \
    apt-get install --yes --no-install-recommends git

# The app (the default target)
FROM node:22-bookworm-slim AS release
WORKDIR /app
COPY . .
RUN npm ci --omit=dev && npm cache clean --force
CMD ["node", "server/server.js"]
