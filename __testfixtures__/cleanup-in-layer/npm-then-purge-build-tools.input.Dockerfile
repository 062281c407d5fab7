FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# node-gyp needs a compiler only while installing: npm stays
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && npm ci --omit=dev \
    && apt-get purge -y python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
COPY . .
CMD ["node", "server.js"]
