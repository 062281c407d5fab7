FROM node:20-slim
WORKDIR /repo
COPY . .
RUN npm ci
RUN npm run build --workspace packages/api
CMD ["node", "packages/api/dist/index.js"]
