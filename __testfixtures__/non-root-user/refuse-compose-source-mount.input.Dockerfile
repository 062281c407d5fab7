FROM node:20-alpine

COPY . /app
WORKDIR /app

RUN yarn

CMD yarn dev
