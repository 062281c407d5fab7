FROM oven/bun:1-alpine AS bun

FROM node:20-alpine
WORKDIR /app
COPY --from=bun /usr/local/bin/bun /usr/local/bin/bun
COPY . .
CMD ["node", "index.js"]
