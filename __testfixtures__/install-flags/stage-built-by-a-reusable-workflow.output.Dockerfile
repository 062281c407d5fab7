FROM node:22-bookworm AS build-node
WORKDIR /build
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci
COPY frontend .
RUN npm run bundle

# API runtime
FROM python:3.13-slim AS api
RUN apt-get update && apt-get install --no-install-recommends -y libpq5 && rm -rf /var/lib/apt/lists/*
COPY api /app
CMD ["gunicorn", "app.wsgi"]

# Frontend server
FROM debian:bookworm-slim AS frontend
RUN apt-get update && apt-get install --no-install-recommends -y nodejs && rm -rf /var/lib/apt/lists/*
COPY --from=build-node /build/dist /srv
CMD ["node", "/srv/index.js"]

# Built in CI, never pushed
FROM python:3.13-slim AS debug
RUN apt-get update && apt-get install -y strace && rm -rf /var/lib/apt/lists/*

# Both in one image (the default target)
FROM api AS unified
COPY --from=build-node /build/dist /app/static
