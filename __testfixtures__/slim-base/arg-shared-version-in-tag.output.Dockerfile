ARG NODE_VERSION=20
FROM node:${NODE_VERSION} AS build
WORKDIR /app
COPY . .
RUN npm run build

FROM node:${NODE_VERSION}-slim
COPY --from=build /app/dist /app
CMD ["node", "/app/index.js"]
