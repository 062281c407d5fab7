FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y curl git gcc \
    make python3 --no-install-recommends && rm -rf /var/lib/apt/lists/*
WORKDIR /app
CMD ["node", "index.js"]
