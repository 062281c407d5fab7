FROM node:22-alpine AS build
WORKDIR /app
COPY package.json ./
RUN npm install && npm run build

FROM node:22-alpine
COPY entrypoint.sh /app/entrypoint.sh
COPY --from=build /app /app
WORKDIR /app
ENTRYPOINT ["/app/entrypoint.sh"]
