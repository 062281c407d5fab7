FROM node:20
WORKDIR /app
COPY . .
RUN yarn install --frozen-lockfile
RUN corepack enable && yarn install
