FROM node:22-bookworm-slim
WORKDIR /usr/src/app
# Keep the global tools current.
RUN npm update -g pnpm && npm cache clean --force
RUN yarn global upgrade && yarn cache clean
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm update --omit=dev && npm cache clean --force
COPY . .
CMD ["node", "server.js"]
