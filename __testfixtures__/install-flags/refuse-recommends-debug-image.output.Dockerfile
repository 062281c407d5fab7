FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci --omit=dev

# The debug variant: tools to attach to the server and watch its traffic.
FROM node:20-bookworm-slim AS debug
RUN apt-get update \
    && apt-get install -y gdb strace tcpdump procps \
    && rm -rf /var/lib/apt/lists/*
COPY --from=0 /app /app
WORKDIR /app
CMD ["node", "server.js"]
