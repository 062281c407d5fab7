FROM node:20-bookworm

# set our node environment, either development or production
ARG NODE_ENV=production
ENV NODE_ENV $NODE_ENV
ENV NPM_CONFIG_LOGLEVEL warn

WORKDIR /code

# default to port 3000 for node
ARG PORT=3000
ENV PORT $PORT
EXPOSE $PORT

COPY package.json package-lock.json ./
RUN npm ci --include=dev

# check every 30s to ensure this service returns HTTP 200
HEALTHCHECK --interval=30s \
  CMD node healthcheck.js

COPY . .
RUN npm run build

CMD [ "node", "dist/index.js" ]
