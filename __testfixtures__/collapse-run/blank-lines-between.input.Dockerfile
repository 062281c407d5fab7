FROM node:20-alpine
WORKDIR /app

RUN apk add --no-cache tini


RUN mkdir -p /app/data

RUN chown node:node /app/data
USER node
