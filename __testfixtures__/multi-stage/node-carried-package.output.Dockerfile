FROM node:20 AS build

RUN apt-get update
RUN apt-get install -y jq

WORKDIR /usr/src/app
COPY package.json package-lock.json .npmrc ./
RUN npm install

COPY . .

FROM node:20-slim
RUN apt-get update && apt-get install -y --no-install-recommends jq && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/app
COPY --from=build /usr/src/app /usr/src/app

ENV NODE_ENV=production
EXPOSE 3000
CMD node server.js
