FROM node:24-alpine AS build
WORKDIR /app
COPY . .
RUN npm ci

FROM node:24-trixie-slim
COPY --from=build /app /app
CMD ["node", "/app/server.js"]
