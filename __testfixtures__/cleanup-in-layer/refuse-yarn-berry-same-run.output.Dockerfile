FROM node:20
WORKDIR /app
COPY . .
RUN yarn install --frozen-lockfile && yarn cache clean
RUN corepack enable && yarn install
