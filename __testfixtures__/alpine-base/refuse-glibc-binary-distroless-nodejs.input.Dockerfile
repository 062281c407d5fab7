FROM node:20 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# distroless nodejs runs node as its entrypoint: the standalone folder's node_modules would be built for musl.
FROM gcr.io/distroless/nodejs20-debian12
WORKDIR /app
COPY --from=build /app/.next/standalone ./
CMD ["server.js"]
