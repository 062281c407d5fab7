FROM node:20-alpine AS build
WORKDIR /app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile
COPY . ./
RUN yarn build && yarn install --production --ignore-scripts --prefer-offline
RUN touch config/DOCKER

FROM node:20-alpine
WORKDIR /app
RUN apk add --no-cache tini
COPY --from=build /app ./
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["node", "dist/index.js"]
EXPOSE 5055
