ARG NODE_IMAGE=node
ARG NODE_VERSION=20
FROM ${NODE_IMAGE}:${NODE_VERSION}
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
CMD ["node", "server.js"]
