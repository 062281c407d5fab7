FROM node:22-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends dumb-init && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY index.js .
ENTRYPOINT ["/usr/bin/dumb-init", "--"]
CMD ["node", "index.js"]
