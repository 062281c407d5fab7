FROM node:22-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY server.js .
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "server.js"]
