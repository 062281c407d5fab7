FROM node:20
WORKDIR /app
COPY --from=oven/bun:1 /usr/local/bin/bun /usr/local/bin/bun
COPY . .
CMD ["node", "index.js"]
