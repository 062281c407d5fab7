FROM oven/bun:1
WORKDIR /usr/src/app
COPY . .
RUN bun install --frozen-lockfile --production
USER bun
EXPOSE 3000
ENTRYPOINT ["bun", "run", "src/index.ts"]
