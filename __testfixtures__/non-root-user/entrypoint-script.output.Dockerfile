FROM node:20-bookworm-slim

WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
COPY docker-entrypoint.sh /usr/local/bin/
USER 1000:1000

ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node", "src/index.js"]
