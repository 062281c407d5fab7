# The workspace with its dependencies, which the images of the apps build on
FROM node:20-alpine

WORKDIR /app

RUN apk add --no-cache git

COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile && yarn cache clean

COPY . .

CMD ["echo", "Use it in a stage"]
