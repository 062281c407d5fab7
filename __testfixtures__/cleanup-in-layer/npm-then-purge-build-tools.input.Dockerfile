FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# node-gyp needs a compiler only while installing: npm stays
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && npm ci --omit=dev \
    && apt-get purge -y python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
# removing a package's files or another global package leaves npm in place
RUN npm install -g pm2 typescript && npm uninstall -g typescript && rm -rf /usr/local/lib/node_modules/pm2/docs /tmp/npm-build
COPY . .
CMD ["node", "server.js"]
