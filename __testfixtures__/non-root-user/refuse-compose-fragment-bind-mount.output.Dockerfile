FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /data
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile --production
COPY . .
EXPOSE 3000
CMD ["node", "apps/web/server.js"]
