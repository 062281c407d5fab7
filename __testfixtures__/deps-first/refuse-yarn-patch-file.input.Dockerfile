FROM node:20-slim
WORKDIR /app
COPY . .
RUN yarn install --immutable
CMD ["node", "index.js"]
