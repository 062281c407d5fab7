FROM node:20-alpine

RUN apk add --update --no-cache \
    python3 \
    make \
    g++

WORKDIR /usr/src/app

COPY package*.json ./

RUN npm install --only=production

ARG CONF_DIR=/etc/app
COPY config.yml $CONF_DIR/
COPY . .

ENV CONF_DIR=$CONF_DIR
ENTRYPOINT [ "node", "server.js" ]
