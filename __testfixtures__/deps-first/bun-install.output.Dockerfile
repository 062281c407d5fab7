FROM oven/bun:1
WORKDIR /usr/src/app
COPY package.json bun.lock bunfig.toml ./
COPY patches/is-even@1.0.0.patch ./patches/
RUN bun install --frozen-lockfile --production
COPY . .
USER bun
EXPOSE 3000
ENTRYPOINT ["bun", "run", "src/index.ts"]
