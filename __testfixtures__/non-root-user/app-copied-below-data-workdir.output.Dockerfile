FROM node:22-bookworm-slim AS build
WORKDIR /data
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

# The app lives in /data: its code is copied below it, its logs go to /data/logs.
FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /data
COPY --from=build /data/node_modules ./node_modules
COPY --from=build /data/dist ./dist
COPY --from=build /data/package.json ./
RUN mkdir -p logs
RUN chown -R 1000:1000 /data/logs
USER 1000:1000
EXPOSE 3000
CMD ["node", "dist/server.js"]
