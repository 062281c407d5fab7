FROM node:20 AS build
WORKDIR /app
COPY . .
RUN npm ci

FROM node:20-slim
COPY --from=build /app /app
CMD ["node", "/app/server.js"]
