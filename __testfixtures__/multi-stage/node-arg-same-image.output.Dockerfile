ARG NODE_VERSION=20.12.2
FROM node:${NODE_VERSION}-alpine AS build
ENV NODE_ENV production
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .

FROM node:${NODE_VERSION}-alpine
WORKDIR /usr/src/app
ENV NODE_ENV production
COPY --from=build /usr/src/app /usr/src/app
CMD ["node", "server.js"]
