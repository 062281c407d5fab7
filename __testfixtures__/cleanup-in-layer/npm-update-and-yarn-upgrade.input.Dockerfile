FROM node:22-bookworm-slim
WORKDIR /usr/src/app
# Keep the global tools current.
RUN npm update -g pnpm
RUN yarn global upgrade
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm update --omit=dev
COPY . .
CMD ["node", "server.js"]
