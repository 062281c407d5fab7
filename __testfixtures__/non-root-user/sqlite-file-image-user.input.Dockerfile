FROM node:22-alpine3.20
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm ci
COPY server.js ./
COPY data/app.sqlite ./data/
CMD ["node", "server.js"]
