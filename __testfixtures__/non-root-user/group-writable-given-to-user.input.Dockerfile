FROM node:22-alpine
WORKDIR /app
COPY . .
# world-writable, and a folder given to node's own group: neither needs root's group
RUN mkdir /app/tmp && chmod 1777 /app/tmp \
 && mkdir /app/cache && chown node:node /app/cache && chmod 775 /app/cache \
 && chmod +w /app/config
CMD ["node", "index.js"]
