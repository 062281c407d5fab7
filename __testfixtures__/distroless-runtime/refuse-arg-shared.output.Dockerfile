ARG NODE=24-trixie
FROM node:${NODE} AS build
WORKDIR /app
COPY . .
RUN npm ci

FROM node:${NODE}
COPY --from=build /app /app
CMD ["node", "/app/server.js"]
