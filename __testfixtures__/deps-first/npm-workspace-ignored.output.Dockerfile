FROM node:20-slim
WORKDIR /repo
COPY package.json package-lock.json ./
COPY packages/api/package.json ./packages/api/
RUN npm ci
COPY . .
RUN npm run build --workspace packages/api
CMD ["node", "packages/api/dist/index.js"]
