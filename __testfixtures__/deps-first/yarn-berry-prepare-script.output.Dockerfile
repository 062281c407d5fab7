FROM node:22-alpine
WORKDIR /usr/src/app
COPY package.json yarn.lock .yarnrc.yml ./
COPY lib/package.json ./lib/
COPY .yarn/releases ./.yarn/releases/
RUN yarn install --immutable
COPY . .
RUN yarn build
CMD ["node", "dist/index.js"]
