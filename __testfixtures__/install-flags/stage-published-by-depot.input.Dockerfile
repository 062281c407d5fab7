FROM node:22-alpine AS build-node
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run bundle

# Frontend server, published on its own
FROM alpine:3.22 AS frontend
RUN apk add nodejs
COPY --from=build-node /build/dist /srv
USER nobody
CMD ["node", "/srv/index.js"]

# API (the default target)
FROM python:3.13-alpine AS api
RUN apk add --no-cache libpq
COPY api /app
USER nobody
CMD ["gunicorn", "app.wsgi"]
