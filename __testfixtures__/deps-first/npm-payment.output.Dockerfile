FROM node:20-alpine AS builder

RUN apk add --no-cache python3 make g++

WORKDIR /usr/src/app

COPY package.json package-lock.json .npmrc ./

RUN npm ci --omit=dev

# Bundle the service
COPY . .

EXPOSE 50051
ENTRYPOINT ["node", "index.js"]
