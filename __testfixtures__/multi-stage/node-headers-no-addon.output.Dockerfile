FROM node:20-bookworm AS build
# pg is pure JavaScript: libpq-dev is left from an older pg-native setup, and nothing compiles against it.
RUN apt-get update && apt-get install -y libpq-dev postgresql-client
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .

FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app /app
CMD ["node", "server.js"]
