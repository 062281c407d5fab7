FROM node:22-alpine3.20
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm ci
COPY server.js ./
COPY --chown=1000:1000 data/app.sqlite ./data/
RUN mkdir -p /usr/src/app/data && chown 1000:1000 /usr/src/app/data
USER 1000:1000
CMD ["node", "server.js"]
