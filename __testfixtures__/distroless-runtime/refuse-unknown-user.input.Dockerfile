FROM node:24-trixie AS build
WORKDIR /app
COPY . .
RUN npm ci

FROM node:24-trixie-slim
COPY --from=build /app /app
USER node
CMD ["node", "/app/server.js"]
