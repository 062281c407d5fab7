FROM node:20-bookworm-slim
WORKDIR /app
# a patched dependency built in a folder copied in (it may hold an .npmrc), which the RUN then removes, while still in it
COPY patches/glob /tmp/fix
RUN cd /tmp/fix && npm install \
    && cp -r node_modules/glob /usr/local/lib/node_modules/npm/node_modules/ \
    && rm -rf /tmp/fix
# the apt lists are still removed: rm needs no working folder
RUN mkdir -p /tmp/build && cd /tmp/build \
    && apt-get update && apt-get install -y --no-install-recommends git \
    && npm install -g pm2 && rm -rf /tmp \
    && rm -rf /var/lib/apt/lists/*
# out of the folder first: the cleanup runs from there
RUN mkdir -p /tmp/tools && cd /tmp/tools && npm install -g pm2 \
    && cd / && rm -rf /tmp/tools \
    && npm cache clean --force
CMD ["node", "server.js"]
