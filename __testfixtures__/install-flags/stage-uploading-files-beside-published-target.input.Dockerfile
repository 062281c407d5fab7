FROM node:20-bookworm-slim AS app
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .
CMD ["node", "server.js"]

# Uploads the release's files; never pushed as an image.
FROM debian:bookworm-slim AS upload-artifact
RUN apt-get update && apt-get install -y curl ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=app /app/dist /dist
COPY upload.sh /upload.sh
CMD ["/upload.sh"]
