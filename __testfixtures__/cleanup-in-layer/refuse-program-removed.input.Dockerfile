FROM ubuntu:jammy
# Debian's npm, uninstalled once the tool is in place; the apt lists are still removed
RUN apt-get update; \
    apt-get install -y --no-install-recommends nodejs npm; \
    npm install -g rtlcss; \
    apt-get purge --autoremove -y npm

FROM alpine:3.20 AS tools
# npm in a virtual group, deleted with it; the install only runs on some builds
RUN apk add --no-cache --virtual .node-deps nodejs npm \
    && if [ -n "$WITH_PM2" ]; then npm install -g pm2; fi \
    && apk del .node-deps

FROM node:20-alpine AS hardened
WORKDIR /app
COPY package.json package-lock.json ./
# no npm in the shipped image; the install's output piped on
RUN npm ci --omit=dev | tee /tmp/npm.log && rm -rf /usr/local/lib/node_modules/npm /usr/local/bin/npm /usr/local/bin/npx
# a failing cleanup before the purge would only skip it: the || after it, or a statement after the list, runs on
RUN npm install -g pm2 && rm -rf /usr/local/lib/node_modules/npm || echo "npm kept"
RUN set -e; npm install -g pm2 && npm uninstall -g npm; echo done
# npm may run again, and read the cache, behind a script or a shell string before the removal
RUN npm ci && ./scripts/build.sh && npm uninstall -g npm
RUN npm ci && sh -c "cd web && npm ci --offline" && npm uninstall -g npm
# a command that runs another program (zip's -TT) before the removal
RUN npm ci && zip -T -TT "npm test" a.zip x && npm uninstall -g npm
CMD ["node", "server.js"]
