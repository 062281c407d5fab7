FROM node:22-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
# migrations first, then the server
CMD node migrate.js && node server.js
