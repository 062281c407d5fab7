ARG APP_PATH=/opt/outline
FROM node:26.3.0 AS deps

ARG APP_PATH
WORKDIR $APP_PATH
COPY ./package.json ./yarn.lock ./.yarnrc.yml ./

RUN apt-get update && apt-get install -y cmake

RUN npm install -g corepack
RUN corepack enable
RUN yarn install --immutable --network-timeout 1000000 && \
  yarn cache clean

COPY . .
RUN yarn build

ENV PORT=3000
