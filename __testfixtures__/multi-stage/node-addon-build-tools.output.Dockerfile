FROM node:20-bookworm AS build
RUN apt-get update && apt-get install -y build-essential python3
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app /app
CMD ["node", "server.js"]
