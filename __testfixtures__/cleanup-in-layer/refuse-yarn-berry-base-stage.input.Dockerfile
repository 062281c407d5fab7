FROM node:20 AS base
RUN corepack enable

FROM base
WORKDIR /app
COPY . .
RUN yarn install
