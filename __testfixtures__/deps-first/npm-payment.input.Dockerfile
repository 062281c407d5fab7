FROM node:20-alpine AS builder

RUN apk add --no-cache python3 make g++

WORKDIR /usr/src/app

# Bundle the service
COPY . .

RUN npm ci --omit=dev

EXPOSE 50051
ENTRYPOINT ["node", "index.js"]
