FROM oven/bun:1 AS bun

FROM node:20
WORKDIR /app
COPY --from=bun /usr/local/bin/bun /usr/local/bin/bun
COPY . .
CMD ["node", "index.js"]
