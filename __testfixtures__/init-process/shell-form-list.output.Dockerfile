FROM node:22-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]
# migrations first, then the server
CMD node migrate.js && node server.js
