FROM node:24-trixie AS build
WORKDIR /app
COPY . .
RUN npm ci

FROM node:24-trixie-slim
COPY --from=build /app /app
HEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/health"]
CMD ["node", "/app/server.js"]
