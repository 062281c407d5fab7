FROM ubuntu:jammy
# Debian's npm, uninstalled once the tool is in place: its cache is cleaned before that
RUN apt-get update && \
    apt-get install -y --no-install-recommends nodejs npm \
    && npm install -g rtlcss \
    && apt-get purge --autoremove -y npm

FROM alpine:3.20 AS tools
# npm in a virtual group, deleted with it
RUN apk add --no-cache --virtual .node-deps nodejs npm \
    && npm install -g pm2 \
    && apk del .node-deps

FROM node:20-alpine AS hardened
WORKDIR /app
COPY package.json package-lock.json ./
# no npm in the shipped image
RUN npm ci --omit=dev && rm -rf /usr/local/lib/node_modules/npm /usr/local/bin/npm /usr/local/bin/npx
RUN npm install -g pm2 && npm uninstall -g npm
# the last command that runs npm, not the last that installs
RUN npm ci && npm run build && npm prune --omit=dev && npx tsc --version && rm -rf /usr/local/lib/node_modules/npm
CMD ["node", "server.js"]
