FROM node:20-alpine
WORKDIR /app

RUN apk add --no-cache tini && \
    mkdir -p /app/data && \
    chown node:node /app/data
USER node
