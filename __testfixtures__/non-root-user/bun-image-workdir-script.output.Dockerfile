FROM oven/bun:1.1-alpine
COPY package.json bun.lockb ./
RUN bun install --frozen-lockfile --production
COPY . .
COPY docker/start.sh .
USER 1000:1000
CMD ["/home/bun/app/start.sh"]
