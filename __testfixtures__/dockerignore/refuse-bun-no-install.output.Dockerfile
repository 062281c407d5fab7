FROM oven/bun:1
WORKDIR /app
COPY . .
ENTRYPOINT ["bun", "run", "index.ts"]
