FROM node:22-alpine
WORKDIR /usr/src/app
COPY . .
RUN yarn install --immutable
RUN yarn build
CMD ["node", "dist/index.js"]
