ARG NODE_VERSION=20
FROM node:${NODE_VERSION} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .

FROM node:${NODE_VERSION}-slim
WORKDIR /app
COPY --from=build /app /app
CMD ["node", "server.js"]
