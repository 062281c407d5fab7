FROM ubuntu:jammy
# Debian's npm, uninstalled once the tool is in place
RUN apt-get update && \
    apt-get install -y --no-install-recommends nodejs npm \
    && npm install -g rtlcss \
    && apt-get purge --autoremove -y npm \
    && rm -rf /var/lib/apt/lists/*

FROM alpine:3.20
# npm in a virtual group, deleted with it
RUN apk add --no-cache --virtual .node-deps nodejs npm \
    && npm install -g pm2 \
    && apk del .node-deps
CMD ["pm2-runtime", "app.js"]
