FROM node:20-bookworm AS build

# set our node environment, either development or production
ARG NODE_ENV=production
ENV NODE_ENV $NODE_ENV
ENV NPM_CONFIG_LOGLEVEL warn

WORKDIR /code

# default to port 3000 for node
ARG PORT=3000
ENV PORT $PORT

COPY package.json package-lock.json ./
RUN npm ci --include=dev

COPY . .
RUN npm run build
RUN npm prune --omit=dev

FROM node:20-bookworm-slim
ARG NODE_ENV=production
ARG PORT=3000
WORKDIR /code
ENV NODE_ENV $NODE_ENV
ENV PORT $PORT
COPY --from=build /code /code
EXPOSE $PORT
# check every 30s to ensure this service returns HTTP 200
HEALTHCHECK --interval=30s \
  CMD node healthcheck.js

CMD [ "node", "dist/index.js" ]
