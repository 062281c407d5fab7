FROM alpine:3.24 AS tini
RUN apk add --no-cache tini-static

# node 8.9 images came before docker-entrypoint.sh
FROM node:8.9-slim
COPY --from=tini /sbin/tini-static /sbin/tini
WORKDIR /usr/src/app
COPY package*.json ./
RUN npm install
COPY . .
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["npm", "start"]
